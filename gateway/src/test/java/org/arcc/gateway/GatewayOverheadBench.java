package org.arcc.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.arcc.testing.ClosedLoopLoad;
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
@WithTestResource(value = StubUpstreamResource.class, initArgs = {
        @ResourceArg(name = "rate-limit", value = "100000000"), @ResourceArg(name = "in-flight", value = "1000") })
class GatewayOverheadBench {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);

    @ConfigProperty(name = "quarkus.http.test-port")
    int gatewayPort;

    @Test
    void directVersusThroughTheGateway() throws Exception {
        String token = Tokens.as("case-worker").inCell("KHI").subject("bench").sign();
        URI direct = URI.create(StubUpstreamResource.stub().url() + "/api/v1/cases/bench");
        URI gateway = URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/cases/bench");

        load(direct, token, 3);
        load(gateway, token, 3);
        ClosedLoopLoad.Result d = load(direct, token, SECONDS);
        ClosedLoopLoad.Result g = load(gateway, token, SECONDS);

        String report = """
                | Path | Requests | Throughput | p50 | p99 |
                | --- | --- | --- | --- | --- |
                | direct to the upstream | %d | %.0f req/s | %.2f ms | %.2f ms |
                | through the gateway | %d | %.0f req/s | %.2f ms | %.2f ms |
                | gateway adds | | | %.2f ms | %.2f ms |
                """.formatted(d.operations(), d.throughput(), d.percentileMillis(50), d.percentileMillis(99),
                g.operations(), g.throughput(), g.percentileMillis(50), g.percentileMillis(99),
                g.percentileMillis(50) - d.percentileMillis(50), g.percentileMillis(99) - d.percentileMillis(99));
        Path out = Path.of("target/benchmarks/gateway.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Measured " + Instant.now() + ", " + THREADS + " client threads, " + SECONDS
                + " s each, on " + Runtime.getRuntime().availableProcessors() + " cores\n\n" + report);
        System.out.println(report);
    }

    private static ClosedLoopLoad.Result load(URI uri, String token, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        return ClosedLoopLoad.run(THREADS, Duration.ofSeconds(seconds), () -> {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri);
            }
        });
    }
}
