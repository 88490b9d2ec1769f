package org.arcc.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run was told and what it found afterwards: every record the platform acknowledged (a 201 with its id), then,
 * in the reckoning after the load, how many of them could be read back; and every answer's status by request kind.
 * Ids only, never a survivor's data.
 */
final class RunLedger {

    /** A record the platform acknowledged: its kind, the id it answered and who may read it back. */
    record Acknowledged(String kind, String id, String reader) {
    }

    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger readBack = new AtomicInteger();
    private final Queue<String> notReadBack = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();

    void acknowledged(String kind, String id, String reader) {
        acknowledged.add(new Acknowledged(kind, id, reader));
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    long acknowledged(String kind) {
        return acknowledged.stream().filter(a -> a.kind().equals(kind)).count();
    }

    void readBack(Acknowledged record, int status) {
        if (status == 200) {
            readBack.incrementAndGet();
        } else {
            notReadBack.add(record.kind() + " " + record.id() + ": HTTP " + status);
        }
    }

    int readBack() {
        return readBack.get();
    }

    List<String> notReadBack() {
        return new ArrayList<>(notReadBack);
    }

    /** Counts one answer of a kind of request by its status, e.g. {@code answered("open case", 429)}. */
    void answered(String request, int status) {
        statuses.computeIfAbsent(request + " → " + status, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Answers by request and status, e.g. {@code open case → 201: 612}. */
    Map<String, Integer> answers() {
        Map<String, Integer> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    long serverErrors() {
        return statuses.entrySet().stream().filter(e -> e.getKey().matches(".* → 5\\d\\d")).mapToLong(e -> e.getValue().get()).sum();
    }
}
