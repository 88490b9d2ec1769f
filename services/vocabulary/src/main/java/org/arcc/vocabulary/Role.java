package org.arcc.vocabulary;

import java.util.List;

/**
 * The realm roles of the ARCC identity provider (Keycloak realm {@code arcc}), as tokens carry them. Used by
 * {@code @RolesAllowed}, the gateway's route table and the authorization matrices, so a role is spelled once.
 */
public final class Role {

    public static final String CASE_WORKER = "case-worker";
    public static final String MEDICAL_OFFICER = "medical-officer";
    public static final String COUNSELLOR = "counsellor";
    public static final String LEGAL_OFFICER = "legal-officer";
    public static final String CELL_SUPERVISOR = "cell-supervisor";
    public static final String EVIDENCE_CUSTODIAN = "evidence-custodian";
    public static final String PARTNER_NGO = "partner-ngo";
    public static final String ANALYST = "analyst";
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** Every role, in the order the realm lists them. */
    public static final List<String> ALL = List.of(CASE_WORKER, MEDICAL_OFFICER, COUNSELLOR, LEGAL_OFFICER,
            CELL_SUPERVISOR, EVIDENCE_CUSTODIAN, PARTNER_NGO, ANALYST, PLATFORM_ADMIN);

    private Role() {
    }
}
