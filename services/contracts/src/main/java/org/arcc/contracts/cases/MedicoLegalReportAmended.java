package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A signed medico-legal report was corrected by a new signed version. Ids, times, role and check codes only: the
 * reason and the content never travel.
 *
 * @param caseId           the case
 * @param reportVersionId  the new version's id
 * @param cell             cell code
 * @param version          the new version's number (2 or more)
 * @param amendedByRole    medical-officer or cell-supervisor
 * @param amendedAt        when
 * @param overriddenChecks codes of the checks overridden on this version
 * @param canonicalSha256  SHA-256 of the new version's canonical form, as recorded in the audit trail
 */
public record MedicoLegalReportAmended(UUID caseId, UUID reportVersionId, String cell, int version, String amendedByRole,
        Instant amendedAt, List<String> overriddenChecks, String canonicalSha256) {

    public static final EventType TYPE = new EventType("arcc.case.medico-legal-report-amended.v1", Topics.CASES, "case");
}
