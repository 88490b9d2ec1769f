package org.arcc.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.arcc.local.PlatformUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak goes down and the platform fails closed: no request without a valid token succeeds (none, expired, a
 * wrong signature, an unknown issuer), and even a valid token is refused once the signing key the gateway and the
 * services fetched lapses (the local platform trusts a fetched key 30 s, dropped at the next 5 s clean-up:
 * {@code ARCC_OIDC_JWKS_TTL}, {@code ARCC_OIDC_JWKS_CLEAN_UP}, docs/security.md). Keycloak comes back, and valid tokens
 * work again.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(103)
class KeycloakDownIT {

    private static final String USER = "mux.caseworker";
    /** The local platform's key trust (30 s) plus one clean-up tick (5 s), and slack for a loaded machine. */
    private static final Duration KEYS_LAPSE_WITHIN = Duration.ofSeconds(30 + 5 + 25);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void withKeycloakDownNoRequestWithoutAValidTokenSucceedsAndCachedKeysLapse() throws Exception {
        DirectTokens tokens = new DirectTokens();
        String valid = tokens.fresh(USER);
        HttpResponse<String> opened = send("POST", "/api/v1/cases", valid, "{\"channel\":\"WALK_IN\","
                + "\"ageBand\":\"ADULT_25_59\",\"arrivedAt\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = new ObjectMapper().readTree(opened.body()).path("id").asText();
        String expiring = tokens.expiringIn(USER, 2);
        await("the short-lived token has expired").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> send("GET", "/api/v1/cases/" + caseId, expiring, null).statusCode() == 401);
        ForgedTokens forged = new ForgedTokens();
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("no token", null);
        broken.put("expired", expiring);
        broken.put("wrong signature", forged.wrongSignature(valid));
        broken.put("unknown issuer", forged.unknownIssuer(valid, PlatformUnderTest.realmUrl().replace("/realms/arcc",
                "/realms/elsewhere")));
        broken.put("not a token", "not-a-token");
        PlatformRecords records = new PlatformRecords();
        Timestamp since = records.now("cases");

        Instant down = Instant.now();
        ComponentCommands.stop("keycloak");
        List<String> routes = List.of("GET /api/v1/cases/" + caseId, "GET /api/v1/cases/" + caseId + "/consents",
                "POST /api/v1/cases", "GET /api/v1/reports/tables");
        AtomicInteger brokenSent = new AtomicInteger();
        List<String> brokenSucceeded = new ArrayList<>();
        AtomicInteger validAccepted = new AtomicInteger();
        List<String> unexpected = new ArrayList<>();
        // Until the valid token is refused too: every broken token on every route, each round.
        await("a valid token is refused once the fetched keys lapse").atMost(KEYS_LAPSE_WITHIN.plusSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    for (String route : routes) {
                        for (Map.Entry<String, String> token : broken.entrySet()) {
                            int status = call(route, token.getValue()).statusCode();
                            brokenSent.incrementAndGet();
                            if (status != 401) {
                                brokenSucceeded.add(token.getKey() + " " + route + " -> " + status);
                            }
                        }
                    }
                    int status = call(routes.get(0), valid).statusCode();
                    if (status == 200) {
                        validAccepted.incrementAndGet();
                    } else if (status != 401) {
                        unexpected.add("valid token " + routes.get(0) + " -> " + status);
                    }
                    return status == 401;
                });
        Duration refusedAfter = Duration.between(down, Instant.now());
        int created = records.count("cases", "SELECT count(*) FROM survivor_case WHERE opened_at >= ?", since);

        String row = String.format("| Keycloak stopped | %d | %d | %d | %d | %.0f s |", brokenSent.get(),
                brokenSucceeded.size(), created, validAccepted.get(), refusedAfter.toMillis() / 1000.0);
        report(row);

        ComponentCommands.start("keycloak");
        String afterwards = tokens.fresh(USER);
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            await("a valid token works again once Keycloak is back").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        HttpResponse<String> answer = call(routes.get(0), afterwards);
                        last.set(answer.statusCode() + " " + answer.body());
                        return answer.statusCode() == 200;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("after Keycloak came back, " + routes.get(0) + " with a new token still answers "
                    + last.get(), e);
        }
        assertThat(brokenSucceeded).as("requests with a broken token that were not refused with 401 while Keycloak was"
                + " down").isEmpty();
        assertThat(created).as("cases created while Keycloak was down (only broken tokens tried)").isZero();
        assertThat(unexpected).as("answers to the valid token other than 200 or 401").isEmpty();
        assertThat(refusedAfter).as("the valid token refused once the fetched keys lapsed (30 s + 5 s clean-up)")
                .isLessThanOrEqualTo(KEYS_LAPSE_WITHIN);
    }

    private HttpResponse<String> call(String route, String token) throws IOException, InterruptedException {
        String[] parts = route.split(" ", 2);
        return send(parts[0], parts[1], token, parts[0].equals("POST") ? "{\"channel\":\"WALK_IN\","
                + "\"ageBand\":\"ADULT_25_59\",\"arrivedAt\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\"}" : null);
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PlatformUnderTest.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(15)).header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void report(String row) throws IOException {
        String head = "| Fault | Requests with a broken token (none, expired, wrong signature, unknown issuer, not a token)"
                + " | Not refused | Cases created | Valid token accepted after Keycloak stopped | Valid token refused after"
                + " |";
        System.out.println("[reliability] " + head);
        System.out.println("[reliability] " + row);
        Path file = Path.of("target", "reliability.md");
        Files.createDirectories(file.getParent());
        Files.write(file, List.of("", head, "|" + " --- |".repeat(6), row), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
