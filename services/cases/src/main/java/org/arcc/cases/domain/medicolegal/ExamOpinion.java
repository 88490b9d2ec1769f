package org.arcc.cases.domain.medicolegal;

/**
 * The examining officer's opinion, in structured terms only. There is deliberately no "no sexual assault" value:
 * an examination can support an account or fail to contradict it, never rule it out.
 */
public enum ExamOpinion {
    /** The findings are consistent with the history given: needs findings to rest on. */
    FINDINGS_CONSISTENT_WITH_HISTORY,
    /** The findings do not contradict the history given (the usual opinion when there are no injuries). */
    FINDINGS_NOT_INCONSISTENT_WITH_HISTORY,
    /** No opinion is possible until laboratory results come back: names what is awaited. */
    NO_OPINION_PENDING_RESULTS
}
