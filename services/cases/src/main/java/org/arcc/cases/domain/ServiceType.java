package org.arcc.cases.domain;

import java.util.Optional;
import java.util.Set;

/**
 * The services a cell gives under one roof, who may record each, and the consent each needs.
 */
public enum ServiceType {
    MEDICAL_TREATMENT(Set.of("medical-officer"), null),
    MEDICO_LEGAL_EXAM(Set.of("medical-officer"), ConsentPurpose.MEDICAL_EXAM),
    FORENSIC_EVIDENCE_COLLECTION(Set.of("medical-officer"), ConsentPurpose.EVIDENCE_COLLECTION),
    PSYCHOSOCIAL_COUNSELLING(Set.of("counsellor"), null),
    LEGAL_GUIDANCE(Set.of("legal-officer"), null),
    FIR_ASSISTANCE(Set.of("legal-officer"), ConsentPurpose.POLICE_REPORT),
    LEGAL_AID(Set.of("legal-officer"), null),
    SHELTER_REFERRAL(Set.of("case-worker"), null);

    private final Set<String> roles;
    private final ConsentPurpose consent;

    ServiceType(Set<String> roles, ConsentPurpose consent) {
        this.roles = roles;
        this.consent = consent;
    }

    /** Whether a caller with these roles may record this service (supervisors may record any). */
    public boolean recordableBy(Set<String> callerRoles) {
        return callerRoles.contains("cell-supervisor") || roles.stream().anyMatch(callerRoles::contains);
    }

    public Set<String> roles() {
        return roles;
    }

    public Optional<ConsentPurpose> requiredConsent() {
        return Optional.ofNullable(consent);
    }
}
