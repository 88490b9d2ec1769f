package org.arcc.legal.domain;

/** The deadlines the legal file tracks; each has a rule in configuration (period, source, statutory or policy). */
public enum DeadlineCode {
    /** FIR registered after the survivor's arrival at the cell. */
    FIR_AFTER_ARRIVAL,
    /** Report under s.173 CrPC (challan) submitted after the FIR. */
    S173_REPORT,
    /** Trial concluded (verdict) after the case reached the special court. */
    TRIAL_CONCLUDED,
    /** Appeal decided after it was filed. */
    APPEAL_DECIDED
}
