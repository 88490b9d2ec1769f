package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * The examining officer signed a case's medico-legal report (version 1). Ids, times and check codes only: never
 * findings, history or any text of the report.
 *
 * @param caseId           the case
 * @param reportVersionId  the signed version's id
 * @param cell             cell code
 * @param version          1
 * @param examStartedAt    when the examination began (reporting: time from examination to signature)
 * @param signedAt         when it was signed
 * @param overriddenChecks codes of the checks the cell supervisor overrode, e.g. SIX_HOUR_LIMIT
 * @param canonicalSha256  SHA-256 of the signed canonical form, as recorded in the audit trail
 */
public record MedicoLegalReportSigned(UUID caseId, UUID reportVersionId, String cell, int version, Instant examStartedAt,
        Instant signedAt, List<String> overriddenChecks, String canonicalSha256) {

    public static final EventType TYPE = new EventType("arcc.case.medico-legal-report-signed.v1", Topics.CASES, "case");
}
