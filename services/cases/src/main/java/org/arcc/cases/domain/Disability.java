package org.arcc.cases.domain;

/** Disability flags a partner needs to know to receive the survivor (access, interpretation, support). */
public enum Disability {
    PHYSICAL, VISUAL, HEARING, SPEECH, INTELLECTUAL, PSYCHOSOCIAL
}
