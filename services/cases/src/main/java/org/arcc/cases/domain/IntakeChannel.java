package org.arcc.cases.domain;

/** How the survivor reached the cell. */
public enum IntakeChannel {
    WALK_IN, POLICE, NGO_REFERRAL, HOTLINE, TRANSFER
}
