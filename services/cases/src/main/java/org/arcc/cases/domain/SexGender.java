package org.arcc.cases.domain;

/**
 * Sex/gender as the survivor states it: recorded at intake (reporting counts by it) and carried on an onward
 * referral (a partner places the survivor by it, e.g. in a women's or a transgender persons' shelter).
 * {@code TRANSGENDER} follows the Transgender Persons (Protection of Rights) Act 2018; {@code NOT_STATED} when the
 * survivor did not say or the cell did not record it.
 */
public enum SexGender {
    FEMALE, MALE, TRANSGENDER, INTERSEX, NOT_STATED
}
