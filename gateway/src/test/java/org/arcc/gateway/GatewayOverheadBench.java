package org.arcc.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Benchmark, not a test: {@code ./mvnw -Pbench -pl gateway -am test}. The same authenticated GET, direct to
 * the upstream and through the gateway (token validation, policy, rate limit, proxy), in one run, with the
 * same client and concurrency. Results go to {@code target/benchmarks/gateway.md}.
 */
@QuarkusTest
@WithTestResource(OidcTestServerResource.class)
@WithTestResource(value = StubUpstreamResource.class, initArgs = @ResourceArg(name = "rate-limit", value = "100000000"))
class GatewayOverheadBench {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);

    @ConfigProperty(name = "quarkus.http.test-port")
    int gatewayPort;

    record Run(String name, long requests, double seconds, long[] latencies) {
        double throughput() {
            return requests / seconds;
        }

        double percentile(int p) {
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, index)] / 1e6;
        }
    }

    @Test
    void directVersusThroughTheGateway() throws Exception {
        String token = Tokens.as("case-worker").inCell("KHI").subject("bench").sign();
        URI direct = URI.create(StubUpstreamResource.stub().url() + "/api/v1/cases/bench");
        URI gateway = URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/cases/bench");

        load(direct, token, 3);
        load(gateway, token, 3);
        Run d = load(direct, token, SECONDS);
        Run g = load(gateway, token, SECONDS);

        String report = """
                | Path | Requests | Throughput | p50 | p99 |
                | --- | --- | --- | --- | --- |
                | direct to the upstream | %d | %.0f req/s | %.2f ms | %.2f ms |
                | through the gateway | %d | %.0f req/s | %.2f ms | %.2f ms |
                | gateway adds | | | %.2f ms | %.2f ms |
                """.formatted(d.requests(), d.throughput(), d.percentile(50), d.percentile(99),
                g.requests(), g.throughput(), g.percentile(50), g.percentile(99),
                g.percentile(50) - d.percentile(50), g.percentile(99) - d.percentile(99));
        Path out = Path.of("target/benchmarks/gateway.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Measured " + Instant.now() + ", " + THREADS + " client threads, " + SECONDS
                + " s each, on " + Runtime.getRuntime().availableProcessors() + " cores\n\n" + report);
        System.out.println(report);
    }

    private static Run load(URI uri, String token, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long started = System.nanoTime();
        List<Future<long[]>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri);
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> worker : workers) {
            long[] part = worker.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(all);
        return new Run(uri.toString(), all.length, elapsed, all);
    }
}
