package org.arcc.cases.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.arcc.cases.AnIdentity;
import org.arcc.testing.ClosedLoopLoad;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Benchmark, not a test: {@code ./mvnw -Pbench -pl services/cases -am test}. A case intake as a cell's client
 * makes it: open the case (audit row, outbox event) and record the identity (a new data key, six encrypted
 * fields, a blind index, an audit row), over HTTP with a real token, from 8 client threads for 20 s after 15 s
 * of warm-up, logging as production does.
 * Results go to {@code target/benchmarks/intake.md}.
 */
@QuarkusTest
@TestProfile(IntakeBench.ProductionLogging.class)
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "bench"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class IntakeBench {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    /** Until the JIT has compiled the hot paths: with less, the compiler threads take a third of the CPU. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 15);
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /**
     * Logs as production does: no access log, our code at INFO, console only. The test profile's access log and
     * DEBUG file log are there for the tests to read back (NoIdentityLeakTest); production runs neither.
     * {@code -Dbench.test-logging=true} keeps them.
     */
    public static class ProductionLogging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Boolean.getBoolean("bench.test-logging") ? Map.of() : Map.of(
                    "quarkus.http.access-log.enabled", "false",
                    "quarkus.log.category.\"org.arcc\".level", "INFO",
                    "quarkus.log.file.enabled", "false");
        }
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void sustainedIntakes() throws Exception {
        String token = Tokens.as("case-worker").inCell("KHI").subject("bench").sign();
        run(token, WARMUP);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        long cpuBefore = os.getProcessCpuTime();
        ClosedLoopLoad.Result result = run(token, SECONDS);
        double cpuMillisPerIntake = (os.getProcessCpuTime() - cpuBefore) / 1e6 / result.operations();
        String report = """
                | Measure | Value |
                | --- | --- |
                | Intakes (open case + record identity), %d client threads, %d s after %d s of warm-up | %d |
                | Sustained intakes per second | %.0f |
                | Intake latency p50 (both calls) | %.1f ms |
                | Intake latency p99 (both calls) | %.1f ms |
                | CPU of the bench JVM per intake (service, relay, broker and client; not PostgreSQL) | %.1f ms |
                | Load average (1 min) before / after the measured run | %.2f / %.2f |
                """.formatted(THREADS, SECONDS, WARMUP, result.operations(), result.throughput(),
                result.percentileMillis(50), result.percentileMillis(99), cpuMillisPerIntake, loadBefore,
                os.getSystemLoadAverage());
        Path out = Path.of("target/benchmarks/intake.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores\n\n" + report);
        System.out.println(report);
    }

    private ClosedLoopLoad.Result run(String token, int seconds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        return ClosedLoopLoad.run(THREADS, Duration.ofSeconds(seconds), () -> {
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"WALK_IN\",\"ageBand\":\"ADULT_25_59\",\"arrivedAt\":\""
                            + Instant.now().minusSeconds(600) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(opened.body());
            if (opened.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("intake failed: " + opened.statusCode());
            }
            HttpResponse<Void> identity = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/cases/" + id.group(1) + "/identity")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(AnIdentity.adult().body()))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (identity.statusCode() != 204) {
                throw new IllegalStateException("identity failed: " + identity.statusCode());
            }
        });
    }
}
