package org.arcc.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A closed case reopened by its supervisor; the reason is encrypted under its own data key. */
@Entity
@Table(name = "case_reopening")
public class CaseReopening extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "reopened_at", nullable = false)
    public Instant reopenedAt;

    @Column(name = "reopened_by", nullable = false)
    public String reopenedBy;

    @Column(name = "reopened_by_role", nullable = false)
    public String reopenedByRole;

    @Column(name = "data_key_id", nullable = false)
    public UUID dataKeyId;

    @Column(nullable = false)
    public byte[] reason;

    public static List<CaseReopening> ofCase(UUID caseId) {
        return list("caseId = ?1 order by reopenedAt", caseId);
    }
}
