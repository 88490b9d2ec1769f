package org.arcc.common.problem;

import org.arcc.vocabulary.ProblemType;

/**
 * Thrown by use cases to answer with a problem response. The detail must never contain a survivor's
 * identity: it is returned to the client and logged.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist or is not visible to you");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }
}
