package org.arcc.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A proposal to move a case from the cell that owns it to another cell, and its outcome. */
@Entity
@Table(name = "case_transfer")
public class CaseTransfer extends PanacheEntityBase {

    public enum Status {
        PROPOSED, ACCEPTED, DECLINED
    }

    public static final String REASON = "reason";
    public static final String DECLINE_REASON = "declineReason";

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "from_cell", nullable = false)
    public String fromCell;

    @Column(name = "to_cell", nullable = false)
    public String toCell;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Why it was proposed, sealed under {@link #dataKeyId} (field {@value #REASON}). */
    @Column(name = "reason_sealed")
    public byte[] reason;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Why it was declined, sealed under {@link #dataKeyId} (field {@value #DECLINE_REASON}). */
    @Column(name = "decline_reason_sealed")
    public byte[] declineReason;

    /** The transfer's own data key, made when the first reason is sealed. */
    @Column(name = "data_key_id")
    public UUID dataKeyId;

    /** An open transfer addressed to the cell: the receiving cell's reach, in the query. */
    public static Optional<CaseTransfer> openTo(UUID id, String cell) {
        return find("id = ?1 and toCell = ?2 and status = ?3", id, cell, Status.PROPOSED).firstResultOptional();
    }

    /** Transfers a cell sent or received, newest first. */
    public static List<CaseTransfer> involving(String cell) {
        return list("fromCell = ?1 or toCell = ?1 order by proposedAt desc", cell);
    }
}
