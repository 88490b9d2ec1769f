package org.arcc.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit row: SHA-256 over the previous row's hash and every field of the row, each field
 * length-prefixed so that no two different rows hash the same way.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Times are stored and hashed at microsecond precision, the precision PostgreSQL keeps. */
    static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(String prevHash, long seq, Instant occurredAt, String actor, String actorRoles,
            String actorCell, String action, String resourceType, String resourceId, String resourceCell,
            String purpose, String reason, String requestId, String outcome) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] { prevHash, Long.toString(seq),
                    DateTimeFormatter.ISO_INSTANT.format(truncate(occurredAt)), actor, actorRoles, actorCell, action,
                    resourceType, resourceId, resourceCell, purpose, reason, requestId, outcome }) {
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                sha.update((byte) (field == null ? 0 : 1));
                sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
