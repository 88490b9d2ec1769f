package org.arcc.contracts.evidence;

import java.time.Instant;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A signed checkpoint of the custody Merkle tree (RFC 9162 style). Anyone who keeps these can later prove
 * that the log was only ever appended to (docs/custody.md).
 *
 * @param origin    log name, {@code arcc-evidence}
 * @param treeSize  number of entries the checkpoint covers
 * @param rootHash  Merkle root over those entries (hex SHA-256)
 * @param issuedAt  when it was signed
 * @param keyId     id of the Ed25519 signing key (hex, first 8 bytes of SHA-256 of its public key)
 * @param signature Ed25519 signature over the checkpoint text (base64)
 */
public record CheckpointPublished(String origin, long treeSize, String rootHash, Instant issuedAt, String keyId,
        String signature) {

    public static final EventType TYPE = new EventType("arcc.evidence.checkpoint-published.v1", Topics.EVIDENCE, "custody-log");
}
