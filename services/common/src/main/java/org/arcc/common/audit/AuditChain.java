package org.arcc.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The audit trail is {@link #CHAINS} independent hash chains, so that appends about different records do not
 * wait for each other. A row goes to the chain its resource id picks, so one record's rows form one ordered
 * piece of one chain. The hash of a row is SHA-256 over the previous row's hash (in its chain), its position
 * in the chain and every field of the row, each field length-prefixed so that no two different rows hash the
 * same way.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    /** Fixed by migration V0_6 (one head row each): changing it moves records to other chains. */
    static final int CHAINS = 32;

    /** The chain (1..{@link #CHAINS}) of every row about this resource: CRC-32 of its UTF-8 bytes. */
    static int chainOf(String resourceId) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(resourceId.getBytes(StandardCharsets.UTF_8));
        return 1 + (int) (crc.getValue() % CHAINS);
    }

    private AuditChain() {
    }

    /** Times are stored and hashed at microsecond precision, the precision PostgreSQL keeps. */
    static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code position} is the row's place in its chain (the value hashed as "seq" before the chains). */
    static String hash(String prevHash, long position, Instant occurredAt, String actor, String actorRoles,
            String actorCell, String action, String resourceType, String resourceId, String resourceCell,
            String purpose, String reason, String requestId, String outcome) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] { prevHash, Long.toString(position),
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
