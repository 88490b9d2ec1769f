package org.arcc.evidence.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.arcc.custody.BundleVerifier;
import org.arcc.custody.CheckpointKeys;
import org.arcc.custody.CustodyBundle;
import org.arcc.custody.CustodyBundles;
import org.arcc.custody.VerificationResult;
import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.service.Checkpoints;
import org.arcc.testing.ClosedLoopLoad;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a test: {@code ./mvnw -Pbench -pl services/evidence -am test}. Custody entries appended over
 * HTTP (each one a hash-chain link, a Merkle leaf and its completed subtrees, an outbox event) from 4 client
 * threads; then, with the log at 10,000+ entries, the time to sign a checkpoint (which re-derives the whole
 * tree from the stored entries first), to serve an item's bundle and to verify it offline.
 * Results go to {@code target/benchmarks/custody-log.md}.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class CustodyLogBench {

    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int LOG_SIZE = Integer.getInteger("bench.log-size", 10_000);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ConfigProperty(name = "arcc.evidence.checkpoint-public-key")
    String publicKey;

    @Inject
    Checkpoints checkpoints;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void appendsCheckpointsAndBundles() throws Exception {
        String token = Tokens.as("medical-officer").inCell("KHI").subject("bench").sign();
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION", "EVIDENCE_TESTING");
        ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();
        ThreadLocal<String> mine = new ThreadLocal<>();
        ClosedLoopLoad.Operation append = () -> {
            if (mine.get() == null) {
                mine.set(register(token, caseId));
                items.add(mine.get());
            }
            store(token, mine.get());
        };
        ClosedLoopLoad.run(THREADS, Duration.ofSeconds(5), append); // warm-up
        ClosedLoopLoad.Result appends = ClosedLoopLoad.run(THREADS, Duration.ofSeconds(SECONDS), append);

        // Grow the log to LOG_SIZE with items of 10 entries, as a year of a busy platform might look.
        long size = checkpoints.signNow().checkpoint().treeSize();
        while (size < LOG_SIZE) {
            String item = register(token, caseId);
            size++;
            for (int i = 0; i < 9 && size < LOG_SIZE; i++) {
                store(token, item);
                size++;
            }
            items.add(item);
        }
        List<Long> signing = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            store(token, items.peek());
            long start = System.nanoTime();
            checkpoints.signNow();
            signing.add(System.nanoTime() - start);
        }
        String typical = new ArrayList<>(items).get(items.size() / 2);
        List<Long> serve = new ArrayList<>();
        List<Long> verify = new ArrayList<>();
        int bytes = 0;
        int entries = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            String json = get(token, "/api/v1/evidence/items/" + typical + "/bundle");
            serve.add(System.nanoTime() - start);
            start = System.nanoTime();
            CustodyBundle bundle = CustodyBundles.fromJson(json);
            VerificationResult result = BundleVerifier.verify(bundle, CheckpointKeys.publicKeyFromSpki(publicKey), null);
            verify.add(System.nanoTime() - start);
            if (!result.intact()) {
                throw new IllegalStateException("bundle did not verify: " + result.findings());
            }
            bytes = json.length();
            entries = bundle.entries().size();
        }
        long finalSize = checkpoints.latest().treeSize();
        String report = """
                | Measure | Value |
                | --- | --- |
                | Custody entries appended over HTTP, %d client threads, %d s | %d |
                | Sustained appends per second | %.0f |
                | Append latency p50 / p99 | %.1f ms / %.1f ms |
                | Log size for the measurements below | %,d entries |
                | Sign a checkpoint (re-derive and check all %,d leaves, sign, publish), median of 5 | %.0f ms |
                | Serve one item's bundle (%d entries, %,d bytes) over HTTP, median of 20 | %.1f ms |
                | Verify that bundle offline (parse + check), median of 20 | %.1f ms |
                """.formatted(THREADS, SECONDS, appends.operations(), appends.throughput(), appends.percentileMillis(50),
                appends.percentileMillis(99), finalSize, finalSize, median(signing), entries, bytes, median(serve),
                median(verify));
        Path out = Path.of("target/benchmarks/custody-log.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores\n\n" + report);
        System.out.println(report);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private String register(String token, UUID caseId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evidence/items"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"caseId\":\"" + caseId + "\",\"type\":\"CLOTHING\","
                        + "\"sealNumber\":\"B-1\",\"collectedAt\":\"" + Instant.now().minusSeconds(60) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(r.body());
        if (r.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("register failed: " + r.statusCode() + " " + r.body());
        }
        return id.group(1);
    }

    private void store(String token, String item) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/evidence/items/" + item + "/custody")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"STORED\",\"location\":\"Fridge 3\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("append failed: " + r.statusCode());
        }
    }

    private String get(String token, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode());
        }
        return r.body();
    }
}
