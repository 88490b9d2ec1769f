package org.arcc.cases.domain.medicolegal;

/** A step on a medico-legal report that its state or the caller does not allow; the detail names no survivor data. */
public class ReportStepRefused extends RuntimeException {

    /** Why: the report's state, or who is asking. */
    public enum Kind {
        CONFLICT, NOT_YOURS, INVALID
    }

    private final Kind kind;

    public ReportStepRefused(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
