package org.arcc.cases.domain;

/** Sex/gender as a partner needs it to place a survivor (e.g. a women's or a transgender persons' shelter). */
public enum SexGender {
    FEMALE, MALE, TRANSGENDER, NOT_STATED
}
