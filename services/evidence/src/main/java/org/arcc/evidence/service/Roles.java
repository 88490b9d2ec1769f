package org.arcc.evidence.service;

import java.util.Set;

/** Who does what with evidence. */
public final class Roles {

    /** Cell staff who collect, hold and hand over their cell's items. */
    public static final Set<String> CELL_STAFF = Set.of("medical-officer", "case-worker", "cell-supervisor");
    /** Cell staff who may also read custody and court reports (the legal officer prepares the case for court). */
    public static final Set<String> CELL_READERS = Set.of("medical-officer", "case-worker", "cell-supervisor",
            "legal-officer");
    public static final String CUSTODIAN = "evidence-custodian";

    private Roles() {
    }
}
