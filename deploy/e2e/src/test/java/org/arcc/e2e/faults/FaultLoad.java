package org.arcc.e2e.faults;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.arcc.local.PlatformUnderTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A few clients doing what a cell does at intake, in a loop, while a fault happens: a case worker opens a case
 * and records the survivor's consent to evidence collection (cases service), then the medical officer registers
 * a swab kit for it (evidence service, which hears of the case and the consent by event, so this step waits on
 * the broker, so the case worker does not wait for it). Each cell has a case worker and a medical officer; each POST
 * is retried with its own {@code Idempotency-Key} ({@link RetryingClient}). {@link #stop()} lets the case workers
 * finish the intake they are in and the medical officers register every kit still due.
 */
final class FaultLoad {

    /** Cells the journeys leave alone, so the fault suite's records are its own. */
    static final List<String> CELLS = List.of("lhe2", "mux", "rwp");
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
    /** A kit registration that waits longer than this for its case is written down, with when it started and ended. */
    static final Duration LONG_WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_MORE = "no more cases";
    /**
     * Cases a cell's case worker opens ahead of its medical officer at most, as a cell has only so many survivors at
     * once: while the broker is away kits cannot be registered, and an unbounded backlog would only make the run long.
     * Room enough that case workers keep opening cases for a while after the broker dies (KafkaCrashIT waits for 3).
     */
    private static final int MOST_KITS_WAITING = 10;

    private final LoadLedger ledger = new LoadLedger();
    private final RetryingClient client = new RetryingClient(PlatformUnderTest.gatewayUrl(), ledger);
    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger intakesDone = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** While a component is down, no request is given up; afterwards each has its full patience again. */
    private volatile boolean componentDown;
    private volatile Instant repairedAt = Instant.EPOCH;

    static FaultLoad start() {
        FaultLoad load = new FaultLoad();
        for (String cell : CELLS) {
            java.util.concurrent.BlockingQueue<String> awaitingKits = new java.util.concurrent.LinkedBlockingQueue<>();
            load.begin("fault-intakes-" + cell, () -> load.intakesIn(cell, awaitingKits));
            load.begin("fault-kits-" + cell, () -> load.kitsIn(cell, awaitingKits));
        }
        return load;
    }

    private void begin(String name, Runnable client) {
        Thread thread = new Thread(() -> {
            try {
                client.run();
            } catch (RuntimeException | Error e) {
                failures.add(e);
            }
        }, name);
        thread.setDaemon(true);
        clients.add(thread);
        thread.start();
    }

    LoadLedger ledger() {
        return ledger;
    }

    /** The prefix of every kit number this load registered. */
    String kitPrefix() {
        return "FLT-" + run + "-";
    }

    /** Intakes finished (case, consent and kit acknowledged), whatever happened meanwhile. */
    int intakesDone() {
        return intakesDone.get();
    }

    /** The fault begins: from now until {@link #componentBack()} no request is given up. */
    void componentDown() {
        componentDown = true;
    }

    /** The component is back: every request still waiting has {@link #GIVE_UP_AFTER} from now on. */
    void componentBack() {
        repairedAt = Instant.now();
        componentDown = false;
    }

    /**
     * When a client gives up on a request first sent at {@code sent}: {@link #GIVE_UP_AFTER} after it was sent or
     * after the component came back, whichever is later, and never while the component is down. A kit registration
     * in flight when the broker dies waits for the whole outage (the broker's own restart after {@code kill -9} takes
     * from one to several minutes on a loaded machine, see docs/reliability.md); its patience is for the platform
     * once it is whole, not for the outage.
     */
    private Instant giveUpAt(Instant sent) {
        if (componentDown) {
            return Instant.MAX;
        }
        Instant from = sent.isAfter(repairedAt) ? sent : repairedAt;
        return from.plus(GIVE_UP_AFTER);
    }

    /** Lets every client finish its current intake, and returns once they all have. */
    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread thread : clients) {
            thread.join(GIVE_UP_AFTER.multipliedBy(4).toMillis());
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("a load client failed", failures.get(0));
        }
    }

    /** The case worker's side: opens a case, records consent, and leaves the kit to the medical officer. */
    private void intakesIn(String cell, java.util.concurrent.BlockingQueue<String> awaitingKits) {
        String caseWorker = cell + ".caseworker";
        try {
            while (!stopping.get()) {
                if (awaitingKits.size() >= MOST_KITS_WAITING) {
                    RetryingClient.pause(Duration.ofMillis(200));
                    continue;
                }
                Instant sent = Instant.now();
                HttpResponse<String> opened = client.post("/api/v1/cases", () -> token(caseWorker),
                        "{\"channel\":\"WALK_IN\",\"ageBand\":\"ADULT_25_59\",\"arrivedAt\":\""
                                + Instant.now().minus(Duration.ofHours(1)) + "\"}", () -> giveUpAt(sent), false);
                String caseId = acknowledged(opened, "case", "/id", caseWorker, "/api/v1/cases/");
                if (caseId == null) {
                    continue;
                }
                Instant consentSent = Instant.now();
                HttpResponse<String> consent = client.post("/api/v1/cases/" + caseId + "/consents", () -> token(caseWorker),
                        "{\"purpose\":\"EVIDENCE_COLLECTION\",\"givenBy\":\"SURVIVOR\"}", () -> giveUpAt(consentSent),
                        false);
                if (acknowledged(consent, "consent", "/id", caseWorker, "/api/v1/cases/" + caseId + "/consents#") != null) {
                    awaitingKits.add(caseId);
                }
            }
        } finally {
            awaitingKits.add(NO_MORE);
        }
    }

    /**
     * The medical officer's side: registers a kit for each case with consent, which the evidence service accepts once
     * the case and consent reached it by event; runs until the case worker has stopped and every kit is registered.
     */
    private void kitsIn(String cell, java.util.concurrent.BlockingQueue<String> awaitingKits) {
        String medical = cell + ".medical";
        try {
            for (int n = 0;; n++) {
                String caseId = awaitingKits.take();
                if (caseId.equals(NO_MORE)) {
                    return;
                }
                Instant started = Instant.now();
                HttpResponse<String> kit = client.post("/api/v1/evidence/items", () -> token(medical),
                        "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"kitNumber\":\"" + kitPrefix()
                                + cell.toUpperCase(Locale.ROOT) + "-" + n + "\",\"sealNumber\":\"SEAL-" + n
                                + "\",\"collectedAt\":\"" + Instant.now().minus(Duration.ofMinutes(30)) + "\"}",
                        () -> giveUpAt(started), true);
                Instant ended = Instant.now();
                if (Duration.between(started, ended).compareTo(LONG_WAIT) > 0) {
                    ledger.waited(new LoadLedger.Waited("kit", caseId, started, ended, kit == null));
                }
                acknowledged(kit, "kit", "/item/id", medical, "/api/v1/evidence/items/");
                intakesDone.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The new record's id when the answer is a 2xx (written to the ledger), otherwise null. */
    private String acknowledged(HttpResponse<String> response, String kind, String idPointer, String reader,
            String readPath) {
        if (response == null || response.statusCode() / 100 != 2) {
            return null;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String id = body.at(idPointer).asText();
            ledger.acknowledged(new LoadLedger.Acknowledged(kind, id, reader,
                    readPath.endsWith("#") ? readPath.substring(0, readPath.length() - 1) : readPath + id));
            return id;
        } catch (java.io.IOException e) {
            throw new AssertionError(kind + " acknowledged with an unreadable body", e);
        }
    }

    private static String token(String user) {
        return PlatformUnderTest.tokens().user(user);
    }
}
