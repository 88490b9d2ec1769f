package org.arcc.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.arcc.common.inbox.EventConsumers;
import org.arcc.testing.ClosedLoopLoad;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a test: run with {@code ./mvnw -Pbench -pl services/common -am test}. Measures the time from
 * a use case's commit (outbox row written) to the event being applied by an inbox consumer, at a paced
 * rate, and the sustained throughput of a burst. Results go to {@code target/benchmarks/event-backbone.md}.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "bench"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class EventBackboneBench {

    private static final int RATE_PER_SECOND = Integer.getInteger("bench.rate", 500);
    private static final int PACED_SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int BURST_EVENTS = Integer.getInteger("bench.burst", 20_000);

    @Inject
    StepService steps;

    @Inject
    EventConsumers consumers;

    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> appliedAt = new ConcurrentHashMap<>();

    @Test
    void commitToConsume() throws Exception {
        consumers.start("bench-latency", List.of(Step.TOPIC), event -> appliedAt.put(event.subject(), System.nanoTime()));

        paced("warmup", RATE_PER_SECOND, 3);
        long[] latencies = paced("paced", RATE_PER_SECOND, PACED_SECONDS);
        double throughput = burst(BURST_EVENTS);

        Arrays.sort(latencies);
        String report = """
                | Measure | Value |
                | --- | --- |
                | Paced rate offered | %d events/s for %d s (%d events, one transaction each, 8 committing threads) |
                | Commit-to-consume p50 | %.1f ms |
                | Commit-to-consume p99 | %.1f ms |
                | Commit-to-consume max | %.1f ms |
                | Burst: %d events committed by 8 threads, time until all consumed | %.0f events/s |
                """.formatted(RATE_PER_SECOND, PACED_SECONDS, latencies.length, ClosedLoopLoad.Result.percentileMillis(latencies, 50),
                ClosedLoopLoad.Result.percentileMillis(latencies, 99), latencies[latencies.length - 1] / 1e6, BURST_EVENTS, throughput);
        Path out = Path.of("target/benchmarks/event-backbone.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + Runtime.version() + "\n\n" + report);
        System.out.println(report);
        assertThat(latencies).hasSize(RATE_PER_SECOND * PACED_SECONDS);
    }

    /** Commits one event per transaction at a fixed rate; returns each event's commit-to-apply latency (ns). */
    private long[] paced(String run, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ExecutorService committers = Executors.newFixedThreadPool(8);
        String prefix = run + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String aggregate = prefix + i;
            committers.submit(() -> {
                steps.commit(List.of(aggregate), 1, 1);
                committedAt.put(aggregate, System.nanoTime());
            });
        }
        committers.shutdown();
        assertThat(committers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        await().atMost(Duration.ofMinutes(2)).until(() -> count(prefix) == total);
        return committedAt.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> Math.max(0, appliedAt.get(e.getKey()) - e.getValue())).toArray();
    }

    /** Commits {@code events} as fast as 8 threads can; returns events per second until the last is applied. */
    private double burst(int events) throws Exception {
        ExecutorService committers = Executors.newFixedThreadPool(8);
        String prefix = "burst-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long start = System.nanoTime();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            committers.submit(() -> {
                for (int i = thread; i < events; i += 8) {
                    steps.commit(List.of(prefix + i), 1, 1);
                }
            });
        }
        committers.shutdown();
        assertThat(committers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> count(prefix) == events);
        long last = appliedAt.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue).max().orElseThrow();
        return events / ((last - start) / 1e9);
    }

    private long count(String prefix) {
        return appliedAt.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }

}
