package org.arcc.cases.domain;

import java.util.Optional;
import java.util.Set;
import org.arcc.vocabulary.Role;

/**
 * The services a cell gives under one roof, who may record each, and the consent each needs.
 */
public enum ServiceType {
    MEDICAL_TREATMENT(Set.of(Role.MEDICAL_OFFICER), null),
    MEDICO_LEGAL_EXAM(Set.of(Role.MEDICAL_OFFICER), ConsentPurpose.MEDICAL_EXAM),
    FORENSIC_EVIDENCE_COLLECTION(Set.of(Role.MEDICAL_OFFICER), ConsentPurpose.EVIDENCE_COLLECTION),
    PSYCHOSOCIAL_COUNSELLING(Set.of(Role.COUNSELLOR), null),
    LEGAL_GUIDANCE(Set.of(Role.LEGAL_OFFICER), null),
    FIR_ASSISTANCE(Set.of(Role.LEGAL_OFFICER), ConsentPurpose.POLICE_REPORT),
    LEGAL_AID(Set.of(Role.LEGAL_OFFICER), null),
    SHELTER_REFERRAL(Set.of(Role.CASE_WORKER), null);

    private final Set<String> roles;
    private final ConsentPurpose consent;

    ServiceType(Set<String> roles, ConsentPurpose consent) {
        this.roles = roles;
        this.consent = consent;
    }

    /** Whether a caller with these roles may record this service (supervisors may record any). */
    public boolean recordableBy(Set<String> callerRoles) {
        return callerRoles.contains(Role.CELL_SUPERVISOR) || roles.stream().anyMatch(callerRoles::contains);
    }

    public Set<String> roles() {
        return roles;
    }

    public Optional<ConsentPurpose> requiredConsent() {
        return Optional.ofNullable(consent);
    }
}
