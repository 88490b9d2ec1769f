package org.arcc.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A service given to the survivor: what, when, by whom; notes encrypted under their own data key. */
@Entity
@Table(name = "service_delivery")
public class ServiceDelivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ServiceType service;

    @Column(name = "delivered_at", nullable = false)
    public Instant deliveredAt;

    @Column(name = "delivered_by", nullable = false)
    public String deliveredBy;

    @Column(name = "delivered_by_role", nullable = false)
    public String deliveredByRole;

    @Column(name = "data_key_id")
    public UUID dataKeyId;

    public byte[] notes;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<ServiceDelivery> ofCase(UUID caseId) {
        return list("caseId = ?1 order by deliveredAt", caseId);
    }
}
