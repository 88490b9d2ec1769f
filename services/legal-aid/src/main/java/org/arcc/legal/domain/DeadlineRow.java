package org.arcc.legal.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A file's due date under one rule, kept for the per-cell lists of upcoming and overdue deadlines; its breach is
 * marked once, in the transaction that publishes it.
 */
@Entity
@Table(name = "deadline")
@IdClass(DeadlineRow.Key.class)
public class DeadlineRow extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Id
    @Enumerated(EnumType.STRING)
    public DeadlineCode rule;

    @Column(name = "cell_code", nullable = false)
    public String cellCode;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "met_at")
    public Instant metAt;

    @Column(name = "breached_at")
    public Instant breachedAt;

    public static class Key implements Serializable {
        public UUID caseId;
        public DeadlineCode rule;

        public Key() {
        }

        public Key(UUID caseId, DeadlineCode rule) {
            this.caseId = caseId;
            this.rule = rule;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caseId, k.caseId) && rule == k.rule;
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, rule);
        }
    }
}
