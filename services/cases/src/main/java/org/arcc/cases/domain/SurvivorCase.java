package org.arcc.cases.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.arcc.common.security.AccessScope;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A survivor's case in one cell. No identity field lives here. */
@Entity
@Table(name = "survivor_case")
public class SurvivorCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String reference;

    @Column(name = "cell_code", nullable = false)
    public String cellCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IntakeChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", nullable = false)
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "arrived_at", nullable = false)
    public Instant arrivedAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "exam_due_at", nullable = false)
    public Instant examDueAt;

    @Column(name = "exam_done_at")
    public Instant examDoneAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    /** Whether the medico-legal exam deadline passed unmet (done late, or not done and overdue). */
    public boolean examDeadlineBreached(Instant now) {
        return examDoneAt != null ? examDoneAt.isAfter(examDueAt) : now.isAfter(examDueAt);
    }

    /**
     * The case, if it lies within the scope: the cell is a condition of the query, never a check made after
     * loading. An administrator's override scope reaches every cell.
     */
    public static Optional<SurvivorCase> findInScope(UUID id, AccessScope scope) {
        return scope.cell()
                .map(cell -> find("id = ?1 and cellCode = ?2", id, cell).<SurvivorCase>firstResultOptional())
                .orElseGet(() -> findByIdOptional(id));
    }
}
