package org.arcc.legal.service;

/** Who does what with a legal file (issue 13): everyone else gets nothing. */
public final class Roles {

    public static final String LEGAL_OFFICER = "legal-officer";
    public static final String SUPERVISOR = "cell-supervisor";
    public static final String CASE_WORKER = "case-worker";
    public static final String COUNSELLOR = "counsellor";

    private Roles() {
    }
}
