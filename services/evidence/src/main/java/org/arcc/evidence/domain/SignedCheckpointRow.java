package org.arcc.evidence.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A checkpoint the service signed; also published as {@code arcc.evidence.checkpoint-published.v1}. */
@Entity
@Table(name = "signed_checkpoint")
public class SignedCheckpointRow extends PanacheEntityBase {

    @Id
    @Column(name = "tree_size")
    public long treeSize;

    @Column(name = "root_hash", nullable = false)
    public String rootHash;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public String signature;

    public static SignedCheckpointRow latest() {
        return find("order by treeSize desc").firstResult();
    }
}
