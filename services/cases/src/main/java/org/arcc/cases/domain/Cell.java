package org.arcc.cases.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A crisis cell: reference data with a code such as {@code KHI} or {@code LHE-1}. The six first cells are seeded;
 * administrators add more through the API, never through a code change.
 */
@Entity
@Table(name = "cell")
public class Cell extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String city;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    /** The administrator who added the cell; null for the cells seeded with the platform. */
    @Column(name = "created_by", updatable = false)
    public String createdBy;
}
