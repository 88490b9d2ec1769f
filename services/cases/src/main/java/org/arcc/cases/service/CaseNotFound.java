package org.arcc.cases.service;

import org.arcc.common.problem.ProblemException;
import org.arcc.vocabulary.ProblemType;

/**
 * No case within the caller's reach. Use cases throw it before they change anything, and declare it in
 * {@code dontRollbackOn} so that the audit row recording the failed access still commits.
 */
public class CaseNotFound extends ProblemException {

    public CaseNotFound(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
