package org.arcc.evidence.api;

import java.time.Instant;
import java.util.Map;

import org.arcc.custody.CanonicalJson;
import org.arcc.evidence.domain.CustodyEntryRow;

/** One custody entry as stored, with its place in the Merkle tree. */
public record EntryView(long sequence, long leafIndex, String action, Instant recordedAt, String leafHash,
        Map<String, Object> entry) {

    @SuppressWarnings("unchecked")
    static EntryView of(CustodyEntryRow row) {
        Map<String, Object> entry;
        try {
            entry = (Map<String, Object>) CanonicalJson.parse(row.entry);
        } catch (RuntimeException unreadable) {
            entry = Map.of("unreadableStoredEntry", row.entry);
        }
        return new EntryView(row.sequence, row.leafIndex, row.action, row.recordedAt, row.leafHash, entry);
    }
}
