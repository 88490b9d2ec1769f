package org.arcc.cases.domain;

/** Who gave a consent: the survivor, or for a child a guardian (with the child's assent as the rules ask). */
public enum ConsentGiver {
    SURVIVOR, GUARDIAN
}
