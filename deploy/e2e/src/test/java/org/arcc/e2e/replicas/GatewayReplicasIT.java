package org.arcc.e2e.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.arcc.local.PlatformUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.RestAssured;

/**
 * Two gateway replicas behind one proxy, as production runs them behind the Ingress ({@code gateway-2} and
 * {@code gateway-3} of the launcher: each enforces half of every rate limit, and trusts this machine as the proxy that
 * names the client in {@code X-Forwarded-For}). A client whose requests are spread over both gets its limit once, not
 * twice; another client behind the same proxy has a bucket of its own.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(50)
class GatewayReplicasIT {

    /** The public status lookup's limit per client address (arcc.gateway.public-rate-limit, the gateway's default). */
    private static final int PUBLIC_LIMIT = 10;

    private static final List<String> started = new ArrayList<>();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeAll
    static void twoGateways() {
        for (String replica : List.of("gateway-2", "gateway-3")) {
            PlatformUnderTest.startReplica(replica);
            started.add(replica);
        }
    }

    @AfterAll
    static void stopThem() {
        started.forEach(PlatformUnderTest::stopReplica);
    }

    @Test
    void aClientSpreadOverTwoGatewaysGetsItsLimitOnce() {
        String client = someClientAddress();
        List<String> gateways = List.of(PlatformUnderTest.replicaUrl("gateway-2"), PlatformUnderTest.replicaUrl("gateway-3"));

        // 3 times the limit, alternating: far quicker than a replica refills one token (every 12 s for each half)
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 3 * PUBLIC_LIMIT; i++) {
            answers.add(statusLookup(gateways.get(i % 2), client));
        }

        assertThat(answers.stream().filter(status -> status != 429).count())
                .as("requests let through by both gateways together: %s", answers).isEqualTo(PUBLIC_LIMIT);
        assertThat(answers.subList(2 * PUBLIC_LIMIT, answers.size())).as("once the limit is spent, on both")
                .containsOnly(429);

        String neighbour = someClientAddress();
        assertThat(statusLookup(gateways.get(0), neighbour)).as("another client behind the same proxy").isNotEqualTo(429);
        assertThat(statusLookup(gateways.get(1), neighbour)).isNotEqualTo(429);
    }

    /** The survivor's public status lookup (no token) with a code nobody has, as a client the proxy names. */
    private static int statusLookup(String gateway, String client) {
        return given().baseUri(gateway).header("X-Forwarded-For", client)
                .when().get("/api/v1/evidence/status/NO-SUCH-CODE-0000").statusCode();
    }

    /** An address from the documentation ranges (RFC 5737), fresh for each run so that no earlier bucket is reused. */
    private static String someClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 200) + "." + random.nextInt(1, 255);
    }
}
