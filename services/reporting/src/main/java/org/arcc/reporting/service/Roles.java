package org.arcc.reporting.service;

/** Who reads reports (issue 14); everyone else gets 403. */
public final class Roles {

    public static final String ANALYST = "analyst";
    public static final String SUPERVISOR = "cell-supervisor";
    public static final String ADMIN = "platform-admin";

    private Roles() {
    }
}
