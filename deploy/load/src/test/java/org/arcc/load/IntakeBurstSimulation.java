package org.arcc.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.arcc.load.ArccRequests.fixed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * A burst of intakes from one cell: Karachi's API client ({@code cell-khi-api}, one client, so one rate-limit bucket at
 * the gateway) opens cases at ten times the rate its limit sustains, while the cell's case worker opens cases at her
 * usual pace with her own token. The gateway's limit (default 300 requests a client, refilled at 300 a minute) must
 * hold: the client's surplus is refused with 429 (by its bucket, or because too many of its requests are in flight at
 * once, {@code arcc.gateway.rate-limit.in-flight}), each refusal with {@code Retry-After}, as
 * {@code application/problem+json} carrying the request id; in no stretch of time are more of the client's requests let
 * through than the bucket allows; the case worker is never refused; nothing answers 5xx. Then every acknowledged case
 * is read back.
 * <p>
 * {@code -Dload.burst.factor=10 -Dload.burst.seconds=60}; the gateway's limit as configured
 * ({@code -Dload.limit.capacity=300 -Dload.limit.refill=300 -Dload.limit.period-seconds=60}, the gateway's defaults).
 */
public class IntakeBurstSimulation extends Simulation {

    private static final String CLIENT = Cell.KHI.apiClient();
    private static final String PROBLEM = "application/problem+json";
    private static final String JSON_CASE = """
            {"channel":"WALK_IN","ageBand":"ADULT_25_59","arrivedAt":"#{arrivedAt}","incidentType":"SEXUAL_ASSAULT"}""";
    private static final String BURST_REQUEST = "burst: open case (API client)";
    private static final String STEADY_REQUEST = "steady: open case (case worker)";

    private final int capacity = Integer.getInteger("load.limit.capacity", 300);
    private final int refill = Integer.getInteger("load.limit.refill", 300);
    private final Duration period = Duration.ofSeconds(Integer.getInteger("load.limit.period-seconds", 60));
    private final double factor = Double.parseDouble(System.getProperty("load.burst.factor", "10"));
    private final int seconds = Integer.getInteger("load.burst.seconds", 60);
    /** Ten times what the limit sustains: 10 × 300 / 60 s = 50 intakes a second from the one client. */
    private final double burstRate = factor * refill / period.toSeconds();

    private final ArccRequests requests = new ArccRequests();
    private final RunLedger ledger = new RunLedger();
    private final Queue<RateLimitWindows.Admitted> admitted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger refusalsAsSpecified = new AtomicInteger();
    private final AtomicInteger refusalsInFlight = new AtomicInteger();
    private final AtomicInteger limitHeaderMismatches = new AtomicInteger();
    private final AtomicInteger readers = new AtomicInteger();
    private final Instant runStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private volatile long openedByPlatform = -1;

    {
        setUp(burst().injectOpen(constantUsersPerSec(burstRate).during(Duration.ofSeconds(seconds)))
                        .andThen(Reckoning.readBackEverything(requests, ledger).injectOpen(atOnceUsers(1))
                                .andThen(countOpened().injectOpen(atOnceUsers(1)))),
                steady().injectOpen(constantUsersPerSec(1).during(Duration.ofSeconds(seconds))))
                .protocols(requests.protocol())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        List<String> principals = new ArrayList<>(Cell.KHI.staff());
        principals.add(CLIENT);
        requests.warm(principals);
        System.out.printf(Locale.ROOT, "Burst: %s opens cases at %.1f/s for %d s (%.0f× the %d per %d s its limit sustains)%n",
                CLIENT, burstRate, seconds, factor, refill, period.toSeconds());
    }

    @Override
    public void after() {
        requests.tokens.close();
        RateLimitWindows.Verdict verdict = new RateLimitWindows(capacity, refill, period).check(List.copyOf(admitted));
        List<String> lines = new ArrayList<>(List.of("# Burst of intakes", "",
                String.format(Locale.ROOT, "- offered: %s at %.1f intakes/s for %d s (%.0f× the limit's sustained %d per %d s), "
                        + "and khi.caseworker at 1/s", CLIENT, burstRate, seconds, factor, refill, period.toSeconds()),
                String.format(Locale.ROOT, "- limit: %d burst, refilled at %d per %d s", capacity, refill, period.toSeconds())));
        ledger.answers().forEach((request, count) -> lines.add("- " + request + ": " + count));
        lines.add("- 429 refusals: " + refusals.get() + ", of which with Retry-After, problem+json and the request id: "
                + refusalsAsSpecified.get() + "; refused for too many in flight (no RateLimit headers): "
                + refusalsInFlight.get());
        lines.add(String.format(Locale.ROOT,
                "- admitted (2xx) for the client: %d; most in one stretch: %d in %.1f s, where the bucket allows %.0f (%s)",
                verdict.admitted(), verdict.worstCount(), verdict.stretch().toMillis() / 1000.0, Math.floor(verdict.allowedThere()),
                verdict.held() ? "held" : "BREACHED"));
        lines.add("- answers whose RateLimit-Limit was not " + capacity + ": " + limitHeaderMismatches.get());
        lines.add("- 5xx: " + ledger.serverErrors());
        lines.addAll(Reckoning.lines(ledger, List.of("case")));
        lines.add("- cases the platform opened for KHI during the run (its own count, `total` of the case list): " + openedByPlatform
                + " (acknowledged: " + ledger.acknowledged("case") + "; the difference were opened although the client got"
                + " no 201, e.g. a 504 or a timeout: a retry with the same Idempotency-Key returns them)");
        List<String> broken = new ArrayList<>();
        if (!verdict.held()) {
            broken.add("the rate limit let " + verdict.worstCount() + " through where " + Math.floor(verdict.allowedThere())
                    + " were allowed");
        }
        if (refusals.get() == 0) {
            broken.add("no request was refused: the burst did not reach the limit");
        }
        if (refusalsAsSpecified.get() != refusals.get()) {
            broken.add((refusals.get() - refusalsAsSpecified.get()) + " refusals without Retry-After, problem+json or request id");
        }
        if (limitHeaderMismatches.get() > 0) {
            broken.add(limitHeaderMismatches.get() + " answers gave a RateLimit-Limit other than " + capacity);
        }
        if (ledger.readBack() != ledger.acknowledged().size()) {
            broken.add("acknowledged cases not read back: " + ledger.notReadBack());
        }
        if (ledger.serverErrors() > 0) {
            broken.add(ledger.serverErrors() + " answers were 5xx");
        }
        lines.add(Reckoning.verdict(broken));
        Reckoning.write("intake-burst", lines);
    }

    /** The platform's own count of the cases opened for KHI since the run started, as the cell's supervisor lists them. */
    private ScenarioBuilder countOpened() {
        return scenario("reckoning: cases the platform opened")
                .exec(session -> session.set("openedFrom", runStart.toString()))
                .exec(requests.get("reckoning: count opened", "/api/v1/cases?size=1&openedFrom=#{openedFrom}",
                        fixed(Cell.KHI.supervisor())).check(status().is(200), jsonPath("$.total").ofLong().saveAs("total")))
                .exec(session -> {
                    openedByPlatform = session.contains("total") ? session.getLong("total") : -1;
                    return session;
                });
    }

    private ScenarioBuilder burst() {
        return scenario("burst from the cell's API client")
                .exec(session -> arrival(session).set("opener", CLIENT))
                .exec(openCase(BURST_REQUEST, true));
    }

    private ScenarioBuilder steady() {
        return scenario("the case worker at her usual pace")
                .exec(session -> arrival(session).set("opener", Cell.KHI.caseWorker()))
                .exec(openCase(STEADY_REQUEST, false));
    }

    private static Session arrival(Session session) {
        return session.set("arrivedAt", Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS).toString())
                .set("sent", System.nanoTime());
    }

    /**
     * Opens a case; the burst's client may be refused (429), the case worker may not. Every answer's status and headers
     * are kept for the verdict: a 429 must carry Retry-After, be a problem document and quote the request id.
     */
    private ChainBuilder openCase(String name, boolean mayBeRefused) {
        return exec(requests.post(name, "/api/v1/cases", ArccRequests.as("opener"), JSON_CASE)
                        .check(mayBeRefused ? status().in(201, 429) : status().is(201),
                                status().saveAs("status"),
                                header("Retry-After").optional().saveAs("retryAfter"),
                                header("Content-Type").optional().saveAs("contentType"),
                                header("RateLimit-Limit").optional().saveAs("limit"),
                                header("X-Request-Id").optional().saveAs("requestId"),
                                jsonPath("$.requestId").optional().saveAs("problemRequestId"),
                                jsonPath("$.id").optional().saveAs("caseId")))
                .exec(session -> {
                    long answered = System.nanoTime();
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    ledger.answered(name, status);
                    if (session.contains("limit") && !String.valueOf(capacity).equals(session.getString("limit"))) {
                        limitHeaderMismatches.incrementAndGet();
                    }
                    if (status == 201) {
                        String reader = Cell.KHI.staff().get(readers.getAndIncrement() % Cell.KHI.staff().size());
                        ledger.acknowledged("case", session.getString("caseId"), reader);
                        if (mayBeRefused) {
                            admitted.add(new RateLimitWindows.Admitted(session.getLong("sent"), answered));
                        }
                    } else if (status == 429) {
                        refusals.incrementAndGet();
                        if (!session.contains("limit")) {
                            // the bucket was not asked: too many of the client's requests in flight at once
                            refusalsInFlight.incrementAndGet();
                        }
                        if (refusedAsSpecified(session)) {
                            refusalsAsSpecified.incrementAndGet();
                        }
                    }
                    return session;
                });
    }

    private static boolean refusedAsSpecified(Session session) {
        String requestId = session.contains("requestId") ? session.getString("requestId") : null;
        return session.contains("retryAfter") && Long.parseLong(session.getString("retryAfter")) >= 1
                && session.contains("contentType") && session.getString("contentType").startsWith(PROBLEM)
                && requestId != null && requestId.startsWith("load-")
                && requestId.equals(session.contains("problemRequestId") ? session.getString("problemRequestId") : null);
    }

}
