package org.arcc.legal.service;

import org.arcc.common.problem.ProblemException;
import org.arcc.vocabulary.ProblemType;

/**
 * No legal file within the caller's reach (none, or another cell's). Use cases throw it before they change
 * anything and declare it in {@code dontRollbackOn}, so the audit row of the failed access still commits.
 */
public class FileNotFound extends ProblemException {

    public FileNotFound(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
