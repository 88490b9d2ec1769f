package org.arcc.cases.domain.medicolegal;

/** The pregnancy test and its result. */
public enum PregnancyTest {
    NOT_INDICATED, NOT_DONE, OFFERED_DECLINED, NEGATIVE, POSITIVE
}
