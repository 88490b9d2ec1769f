package org.arcc.cases.domain.medicolegal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One stored version of a case's medico-legal report. {@code bodySealed} holds what staff wrote, sealed under the
 * version's data key; the other columns are codes, times, subjects and hashes.
 */
@Entity
@Table(name = "medico_legal_report_version")
public class ReportVersionRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String status;

    @Column(name = "data_key_id", nullable = false)
    public UUID dataKeyId;

    @Column(name = "body_sealed", nullable = false)
    public byte[] bodySealed;

    @Column(name = "overridden_checks", nullable = false)
    public String overriddenChecks = "";

    @Column(name = "findings_at_signing", nullable = false)
    public String findingsAtSigning = "";

    @Column(name = "drafted_by", nullable = false)
    public String draftedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "exam_started_at")
    public Instant examStartedAt;

    @Column(name = "signed_by")
    public String signedBy;

    @Column(name = "signed_by_role")
    public String signedByRole;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "canonical_sha256")
    public String canonicalSha256;

    @Column(name = "pdf_sha256")
    public String pdfSha256;

    @Column(name = "audit_seq")
    public Long auditSeq;

    public static List<ReportVersionRecord> ofCase(UUID caseId) {
        return list("caseId = ?1 order by version", caseId);
    }

    public static List<ReportVersionRecord> withHash(UUID caseId, String sha256) {
        return list("caseId = ?1 and (canonicalSha256 = ?2 or pdfSha256 = ?2) order by version", caseId, sha256);
    }
}
