package org.arcc.contracts.audit;

import java.time.Instant;
import java.util.List;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A service signed the heads of all the hash chains of its audit trail (an anchor). Another service keeps it,
 * so that a rewrite of the trail by whoever owns the first service's database contradicts a signed head held
 * elsewhere. The signature is Ed25519 over the canonical JSON (RFC 8785) of
 * {@code {"heads":[{"chain","hash","position"}...],"keyId","signedAt","source","type":"arcc.audit.heads-signed.v1"}}.
 *
 * @param source    CloudEvents source of the service whose trail it is, e.g. {@code /arcc/cases}
 * @param signedAt  when the heads were read and signed (millisecond precision)
 * @param keyId     hex of the first 8 bytes of SHA-256 over the signing key's SPKI encoding
 * @param heads     every chain's last position and hash at that moment, in chain order
 * @param signature Ed25519 signature, base64
 */
public record AuditHeadsSigned(String source, Instant signedAt, String keyId, List<ChainHead> heads,
        String signature) {

    public static final EventType TYPE = new EventType("arcc.audit.heads-signed.v1", Topics.ANCHORS, "audit-anchor");

    /**
     * @param chain    the chain, 1..32
     * @param position its last row's place in the chain (0 while empty)
     * @param hash     that row's chain hash, hex (64 zeros while empty)
     */
    public record ChainHead(int chain, long position, String hash) {
    }
}
