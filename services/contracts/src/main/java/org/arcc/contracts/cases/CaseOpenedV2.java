package org.arcc.contracts.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A cell opened a case: {@code arcc.case.opened.v1} plus what reporting needs for its cell × month × age band ×
 * offence figures (sex/gender, incident date, GBVIMS incident type, legal sections, disability and vulnerability
 * flags). Codes only; never who the survivor is. Published beside v1 (same transaction, same key) until every
 * consumer of v1 has moved here: adding required fields to v1 would break its consumers.
 *
 * @param caseId          aggregate id
 * @param reference       pseudonymous staff-readable reference, e.g. {@code KHI-2026-00042}
 * @param cell            cell code, e.g. {@code KHI}
 * @param channel         intake channel code, e.g. {@code WALK_IN}
 * @param ageBand         age band code, e.g. {@code CHILD_0_11}
 * @param sexGender       {@code FEMALE}, {@code MALE}, {@code TRANSGENDER}, {@code INTERSEX} or {@code NOT_STATED}
 * @param incidentDate    the day the incident happened (or began), null when unknown
 * @param incidentType    GBVIMS core incident type code, null while not yet classified
 * @param legalSections   legal section codes from the catalogue, e.g. {@code PPC_376}, {@code PECA_24}; may be empty
 * @param disabilities    disability flags, e.g. {@code INTELLECTUAL}; may be empty
 * @param vulnerabilities other vulnerability flags, e.g. {@code PREGNANT}; may be empty
 * @param arrivedAt       when the survivor arrived at the cell
 * @param openedAt        when the case was recorded
 */
public record CaseOpenedV2(UUID caseId, String reference, String cell, String channel, String ageBand,
        String sexGender, LocalDate incidentDate, String incidentType, List<String> legalSections,
        List<String> disabilities, List<String> vulnerabilities, Instant arrivedAt, Instant openedAt) {

    public static final EventType TYPE = new EventType("arcc.case.opened.v2", Topics.CASES, "case");
}
