package org.arcc.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.arcc.sdk.ScriptedHttpPeer.Answer;
import org.arcc.sdk.ScriptedHttpPeer.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ArccHttpClient against a real (JDK) HTTP server: keys, retries, token renewal and problems. */
class ArccHttpClientTest {

    private static final String PROBLEM_404 = """
            {"type":"urn:arcc:problem:not-found","title":"Not found","status":404,"detail":"No case 42",
             "instance":"/api/v1/cases/42","requestId":"req-0001-abcd"}""";

    private final ScriptedHttpPeer peer;
    private final List<Duration> waits = new ArrayList<>();

    ArccHttpClientTest() throws Exception {
        peer = new ScriptedHttpPeer();
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private HttpClient client(TokenSource tokens) {
        return ArccHttpClient.newBuilder(tokens, RetryPolicy.DEFAULT, waits::add).build();
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(peer.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"WALK_IN\"}")).build();
    }

    @Test
    void everyPostGetsAnIdempotencyKeyAndItsRetriesKeepIt() throws Exception {
        peer.then(Answer.problem(503, "{\"status\":503}", Map.of("Retry-After", "2")))
                .then(Answer.dropConnection())
                .then(Answer.problem(429, "{\"status\":429}", Map.of("Retry-After", "1")))
                .then(Answer.problem(409, "{\"type\":\"urn:arcc:problem:in-progress\",\"status\":409}", Map.of("Retry-After", "1")))
                .then(Answer.json(201, "{\"id\":\"c-1\"}"));

        HttpResponse<String> response = client(TokenSource.of("t")).send(post("/api/v1/cases"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"id\":\"c-1\"}");
        List<Received> sent = peer.received();
        assertThat(sent).hasSize(5);
        String key = sent.get(0).header("Idempotency-Key");
        assertThat(key).isNotBlank();
        assertThat(sent).extracting(r -> r.header("Idempotency-Key")).containsOnly(key);
        assertThat(sent).extracting(Received::body).containsOnly("{\"channel\":\"WALK_IN\"}");
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void twoPostsGetTwoKeysAndAKeyTheCallerSetIsKept() throws Exception {
        peer.then(Answer.json(201, "{}")).then(Answer.json(201, "{}")).then(Answer.json(201, "{}")).then(Answer.json(200, "{}"));
        HttpClient client = client(TokenSource.of("t"));
        client.send(post("/a"), HttpResponse.BodyHandlers.discarding());
        client.send(post("/a"), HttpResponse.BodyHandlers.discarding());
        client.send(HttpRequest.newBuilder(post("/a"), (n, v) -> true).header("Idempotency-Key", "mine-1").build(),
                HttpResponse.BodyHandlers.discarding());
        client.send(HttpRequest.newBuilder(peer.uri("/a")).GET().build(), HttpResponse.BodyHandlers.discarding());

        List<Received> sent = peer.received();
        assertThat(sent.get(0).header("Idempotency-Key")).isNotEqualTo(sent.get(1).header("Idempotency-Key"));
        assertThat(sent.get(2).header("Idempotency-Key")).isEqualTo("mine-1");
        assertThat(sent.get(3).header("Idempotency-Key")).as("a GET needs no key").isNull();
        assertThat(sent).extracting(r -> r.header("Authorization")).containsOnly("Bearer t");
    }

    @Test
    void aProblemIsThrownTypedWithItsRequestIdAndFieldErrors() {
        peer.then(Answer.problem(404, PROBLEM_404, Map.of()))
                .then(Answer.problem(400, """
                        {"type":"urn:arcc:problem:validation","title":"Invalid request","status":400,"requestId":"req-0002-abcd",
                         "errors":[{"field":"body.channel","message":"must not be null"}]}""", Map.of()))
                .then(new Answer(502, Map.of("Content-Type", "text/html", "X-Request-Id", "req-0003-abcd"), "<html>bad gateway</html>", false));
        HttpClient client = ArccHttpClient.newBuilder(TokenSource.of("t"), RetryPolicy.NONE, waits::add).build();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(peer.uri("/api/v1/cases/42")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfSatisfying(ArccProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo("urn:arcc:problem:not-found");
                    assertThat(problem.status()).isEqualTo(404);
                    assertThat(problem.title()).isEqualTo("Not found");
                    assertThat(problem.detail()).isEqualTo("No case 42");
                    assertThat(problem.instance()).isEqualTo("/api/v1/cases/42");
                    assertThat(problem.requestId()).isEqualTo("req-0001-abcd");
                    assertThat(problem.errors()).isEmpty();
                });
        assertThatThrownBy(() -> client.send(post("/api/v1/cases"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfSatisfying(ArccProblem.class, problem -> assertThat(problem.errors())
                        .containsExactly(new ArccProblem.FieldError("body.channel", "must not be null")));
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(peer.uri("/x")).build(), HttpResponse.BodyHandlers.ofString()))
                .as("an answer that is not a problem document still comes as one")
                .isInstanceOfSatisfying(ArccProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(502);
                    assertThat(problem.type()).isEqualTo("about:blank");
                    assertThat(problem.requestId()).isEqualTo("req-0003-abcd");
                });
    }

    @Test
    void retriesStopAtTheLimitAndAConflictWithoutRetryAfterIsNotRetried() {
        for (int i = 0; i < 5; i++) {
            peer.then(Answer.problem(503, "{\"type\":\"urn:arcc:problem:unavailable\",\"status\":503}", Map.of()));
        }
        peer.then(Answer.problem(409, "{\"type\":\"urn:arcc:problem:conflict\",\"status\":409}", Map.of()));
        HttpClient client = client(TokenSource.of("t"));

        assertThatThrownBy(() -> client.send(post("/a"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfSatisfying(ArccProblem.class, problem -> assertThat(problem.status()).isEqualTo(503));
        assertThat(peer.received()).hasSize(5);
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600));

        assertThatThrownBy(() -> client.send(post("/a"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOfSatisfying(ArccProblem.class, problem -> assertThat(problem.type()).isEqualTo("urn:arcc:problem:conflict"));
        assertThat(peer.received()).hasSize(6);
    }

    @Test
    void aPatchWithoutKeyIsNotRepeatedAfterTheConnectionDied() {
        peer.then(Answer.dropConnection()).then(Answer.json(200, "{}"));
        HttpClient client = client(TokenSource.of("t"));

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(peer.uri("/a"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class);
        assertThat(peer.received()).hasSize(1);
    }

    @Test
    void aRejectedTokenIsRenewedOnceAndTheRequestSentAgain() throws Exception {
        peer.then(Answer.problem(401, "{\"status\":401}", Map.of())).then(Answer.json(200, "{}"))
                .then(Answer.problem(401, "{\"status\":401}", Map.of())).then(Answer.problem(401, "{\"status\":401}", Map.of()));
        AtomicInteger issued = new AtomicInteger();
        TokenSource tokens = new TokenSource() {
            private String current;

            @Override
            public String accessToken() {
                if (current == null) {
                    current = "token-" + issued.incrementAndGet();
                }
                return current;
            }

            @Override
            public void invalidate() {
                current = null;
            }
        };
        HttpClient client = client(tokens);

        assertThat(client.send(HttpRequest.newBuilder(peer.uri("/a")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(peer.received()).extracting(r -> r.header("Authorization")).containsExactly("Bearer token-1", "Bearer token-2");

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(peer.uri("/a")).build(), HttpResponse.BodyHandlers.ofString()))
                .as("a fresh token refused too is the answer").isInstanceOfSatisfying(ArccProblem.class, p -> assertThat(p.status()).isEqualTo(401));
        assertThat(peer.received()).hasSize(4);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(ArccHttpClient.retryAfter(java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of("7")), (a, b) -> true)))
                .contains(Duration.ofSeconds(7));
        assertThat(ArccHttpClient.retryAfter(java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:00 GMT")), (a, b) -> true)))
                .as("a date in the past: at once").contains(Duration.ZERO);
        assertThat(ArccHttpClient.retryAfter(java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true))).isEmpty();
    }
}
