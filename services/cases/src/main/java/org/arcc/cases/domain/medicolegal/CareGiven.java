package org.arcc.cases.domain.medicolegal;

/** Whether a test or treatment was offered and given. */
public enum CareGiven {
    NOT_INDICATED, NOT_OFFERED, OFFERED_DECLINED, GIVEN
}
