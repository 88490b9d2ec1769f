package org.arcc.custody;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A custody entry as it is logged. Its Merkle leaf data is the UTF-8 of its canonical JSON (RFC 8785 subset, see
 * {@link CanonicalJson}); its hash is {@link Hashes#leafHash} of that. Fields: {@code itemId}, {@code sequence}
 * (1, 2, 3… per item), {@code action}, {@code recordedAt} (RFC 3339 UTC), {@code recordedBy}, {@code details}
 * (object of strings) and {@code previousHash} (hex leaf hash of the item's previous entry; absent on sequence 1).
 */
public final class CustodyEntries {

    public static final String ITEM_ID = "itemId";
    public static final String SEQUENCE = "sequence";
    public static final String ACTION = "action";
    public static final String RECORDED_AT = "recordedAt";
    public static final String RECORDED_BY = "recordedBy";
    public static final String DETAILS = "details";
    public static final String PREVIOUS_HASH = "previousHash";

    private CustodyEntries() {
    }

    /** The exact bytes that are hashed into the log for this entry. */
    public static byte[] leafData(Map<String, Object> entry) {
        return CanonicalJson.encode(entry).getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256(0x00 || canonical JSON of the entry). */
    public static byte[] leafHash(Map<String, Object> entry) {
        return Hashes.leafHash(leafData(entry));
    }

    /** "entry sequence 3 (leaf 17, TRANSFERRED at 2026-03-01T10:15:00Z)": how findings and reports name an entry. */
    public static String describe(Map<String, Object> entry, long leafIndex) {
        Object sequence = entry == null ? null : entry.get(SEQUENCE);
        Object action = entry == null ? null : entry.get(ACTION);
        Object recordedAt = entry == null ? null : entry.get(RECORDED_AT);
        return "entry sequence " + (sequence == null ? "?" : sequence) + " (leaf " + leafIndex + ", "
                + (action == null ? "no action" : action) + " at " + (recordedAt == null ? "unknown time" : recordedAt) + ")";
    }
}
