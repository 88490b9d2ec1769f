package org.arcc.evidence.api;

import java.time.Instant;
import java.util.Map;

import org.arcc.evidence.domain.CustodyEntryRow;

/** One custody entry as stored, with its place in the Merkle tree. */
public record EntryView(long sequence, long leafIndex, String action, Instant recordedAt, String leafHash,
        Map<String, Object> entry) {

    static EntryView of(CustodyEntryRow row) {
        return new EntryView(row.sequence, row.leafIndex, row.action, row.recordedAt, row.leafHash, row.parsedEntry());
    }
}
