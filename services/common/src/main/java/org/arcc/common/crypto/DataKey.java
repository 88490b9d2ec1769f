package org.arcc.common.crypto;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A record's data key, stored wrapped; see {@code db/common/V0_4__data_keys.sql}. */
@Entity
@Table(name = "data_key")
public class DataKey {

    @Id
    public UUID id;

    @Column(name = "kek_id", nullable = false)
    public String kekId;

    public byte[] wrapped;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "shredded_at")
    public Instant shreddedAt;
}
