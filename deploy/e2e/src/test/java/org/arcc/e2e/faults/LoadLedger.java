package org.arcc.e2e.faults;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the load's clients sent and were told, kept while a fault happens: every attempt's outcome, and the records
 * the platform acknowledged (2xx) by kind, which the fault suite then looks for afterwards.
 */
final class LoadLedger {

    /** A record the platform acknowledged: what it is, its id, and whose token reads it back. */
    record Acknowledged(String kind, String id, String reader, String path) {
    }

    /** A request that waited long for its answer: on which case, when it was first sent and when it ended. */
    record Waited(String kind, String caseId, java.time.Instant started, java.time.Instant ended, boolean gaveUp) {

        java.time.Duration took() {
            return java.time.Duration.between(started, ended);
        }
    }

    private final Map<String, AtomicInteger> outcomes = new ConcurrentSkipListMap<>();
    private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    private final List<Waited> waited = new CopyOnWriteArrayList<>();
    private final Set<String> keysRetried = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger internalErrors = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final AtomicInteger gaveUp = new AtomicInteger();

    void request() {
        requests.incrementAndGet();
    }

    /** One attempt's outcome, e.g. {@code 201}, {@code 503}, {@code no answer}. */
    void attempt(String idempotencyKey, int number, String outcome) {
        attempts.incrementAndGet();
        if (number > 1) {
            keysRetried.add(idempotencyKey);
        }
        outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
        if (outcome.equals("no answer")) {
            lost.incrementAndGet();
        } else if (outcome.startsWith("5")) {
            serverErrors.incrementAndGet();
            if (outcome.equals("500")) {
                internalErrors.incrementAndGet();
            }
        }
    }

    void replayed() {
        replayed.incrementAndGet();
    }

    void gaveUp() {
        gaveUp.incrementAndGet();
    }

    void acknowledged(Acknowledged record) {
        acknowledged.add(record);
    }

    void waited(Waited request) {
        waited.add(request);
    }

    /** The requests that waited long, slowest first. */
    List<Waited> waited() {
        return waited.stream().sorted(java.util.Comparator.comparing(Waited::took).reversed()).toList();
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<String> ids(String kind) {
        return acknowledged.stream().filter(a -> a.kind().equals(kind)).map(Acknowledged::id).toList();
    }

    int requests() {
        return requests.get();
    }

    int attempts() {
        return attempts.get();
    }

    /** Attempts that got no answer at all (connection refused or reset, timeout). */
    int lost() {
        return lost.get();
    }

    /** Attempts answered 5xx (the gateway's 502/503/504 while a service is away; 500 would be a defect). */
    int serverErrors() {
        return serverErrors.get();
    }

    int internalErrors() {
        return internalErrors.get();
    }

    /** Requests sent more than once with the same {@code Idempotency-Key}. */
    int retriedRequests() {
        return keysRetried.size();
    }

    /** Retries answered with the first attempt's stored result ({@code Idempotent-Replayed: true}). */
    int replays() {
        return replayed.get();
    }

    int gaveUpRequests() {
        return gaveUp.get();
    }

    /** Every outcome and how often it happened, e.g. {@code 201=40, 503=3, no answer=2}. */
    String outcomes() {
        return outcomes.toString();
    }
}
