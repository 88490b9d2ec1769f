package org.arcc.cases.domain;

/**
 * Disability flags: recorded at intake, and carried on an onward referral because a partner needs them to
 * receive the survivor (access, interpretation, support).
 */
public enum Disability {
    PHYSICAL, VISUAL, HEARING, SPEECH, INTELLECTUAL, PSYCHOSOCIAL
}
