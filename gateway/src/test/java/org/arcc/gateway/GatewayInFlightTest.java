package org.arcc.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * At most three of a client's requests in flight at once (the test setting of {@code arcc.gateway.rate-limit.in-flight}):
 * the next is refused at once, other clients are not, and every way a request ends gives its place back. The stub
 * answers {@code /slow} after 3 s; the evidence upstream waits 10 s, the cases upstream 500 ms.
 */
@QuarkusTest
@WithTestResource(OidcTestServerResource.class)
@WithTestResource(StubUpstreamResource.class)
class GatewayInFlightTest {

    private static final int LIMIT = 3;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aClientWithThreeRequestsInProgressIsRefusedAtOnceAndOthersAreNot() {
        String token = Tokens.as("case-worker").inCell("KHI").subject("in-flight-client").sign();
        int reached = StubUpstreamResource.stub().hits("/api/v1/evidence/slow");
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            slow.add(send(token, "/api/v1/evidence/slow"));
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> StubUpstreamResource.stub().hits("/api/v1/evidence/slow") >= reached + LIMIT);

        given().auth().oauth2(token).header("X-Request-Id", "in-flight-refused-1").get("/api/v1/evidence/healthy")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", "1")
                .header("X-Request-Id", "in-flight-refused-1")
                .body("type", equalTo("urn:arcc:problem:rate-limited"))
                .body("detail", containsString("at most 3 of yours"))
                .body("requestId", equalTo("in-flight-refused-1"));
        given().auth().oauth2(Tokens.as("case-worker").inCell("KHI").subject("another-client").sign())
                .get("/api/v1/evidence/healthy").then().statusCode(200);

        assertThat(slow.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(200);
        given().auth().oauth2(token).get("/api/v1/evidence/healthy").then().statusCode(200);
    }

    @Test
    void aRequestThatTimedOutGivesItsPlaceBack() {
        String token = Tokens.as("case-worker").inCell("KHI").subject("in-flight-timeouts").sign();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < LIMIT + 1; i++) {
            // 504 (no answer in 500 ms), then 503 once the timeouts have opened the cases circuit: never 429
            statuses.add(given().auth().oauth2(token).get("/api/v1/cases/slow").statusCode());
        }

        assertThat(statuses).doesNotContain(429).contains(504);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/cases/probe").then().statusCode(200));
    }

    @Test
    void aClientThatGoesAwayGivesItsPlacesBack() throws Exception {
        String token = Tokens.as("case-worker").inCell("KHI").subject("in-flight-gone").sign();
        int reached = StubUpstreamResource.stub().hits("/api/v1/evidence/slow");
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            sockets.add(sendAndKeepOpen(token, "/api/v1/evidence/slow"));
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> StubUpstreamResource.stub().hits("/api/v1/evidence/slow") >= reached + LIMIT);
        given().auth().oauth2(token).get("/api/v1/evidence/healthy").then().statusCode(429);
        long closed = System.nanoTime();
        for (Socket socket : sockets) {
            socket.close();
        }

        // 200, not 429 (places given back) and not 503: three hang-ups (the tests' breaker threshold) say nothing
        // about the evidence service and leave its circuit closed
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/evidence/healthy").then().statusCode(200));
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).as("admitted again before the slow answers (3 s) came")
                .isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void requestsWithRememberedTokensReachTheServiceWithTheirWholeBodies() {
        String body = "{\"channel\":\"WALK_IN\",\"ageBand\":\"ADULT_25_59\"}";
        List<String> tokens = List.of("analyst-1", "analyst-2", "analyst-3").stream()
                .map(subject -> Tokens.as("analyst").subject(subject).sign()).toList();
        for (String token : tokens) {
            // verified (and remembered) on the first request
            given().auth().oauth2(token).contentType("application/json").body(body).post("/api/v1/reports/remembered")
                    .then().statusCode(200).body("bodyBytes", equalTo(body.length()));
        }
        // then forwarded at once, nine at a time, while the proxy still opens connections to the upstream: a body or
        // end read before the proxy is ready would be lost and the request would hang until the 10 s timeout (504)
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (String token : tokens) {
            for (int i = 0; i < LIMIT; i++) {
                answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/reports/remembered")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
        }
        assertThat(answers.stream().map(CompletableFuture::join).toList()).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"bodyBytes\":" + body.length());
        });
    }

    private CompletableFuture<HttpResponse<String>> send(String token, String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Socket sendAndKeepOpen(String token, String path) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
