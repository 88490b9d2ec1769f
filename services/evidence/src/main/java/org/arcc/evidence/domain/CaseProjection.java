package org.arcc.evidence.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A case as the evidence service knows it from the cases service's events: which cell owns it. */
@Entity
@Table(name = "case_projection")
public class CaseProjection extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "cell_code", nullable = false)
    public String cellCode;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
