package org.arcc.evidence.service;

import java.util.Set;
import org.arcc.vocabulary.Role;

/** Who does what with evidence. */
public final class Roles {

    /** Cell staff who collect, hold and hand over their cell's items. */
    public static final Set<String> CELL_STAFF = Set.of(Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR);
    /** Cell staff who may also read custody and court reports (the legal officer prepares the case for court). */
    public static final Set<String> CELL_READERS = Set.of(Role.MEDICAL_OFFICER, Role.CASE_WORKER, Role.CELL_SUPERVISOR,
            Role.LEGAL_OFFICER);
    public static final String CUSTODIAN = Role.EVIDENCE_CUSTODIAN;

    private Roles() {
    }
}
