package org.arcc.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;

/**
 * Requests over the gateway's size limits (body, URI, headers) are refused with a problem carrying the request id,
 * on real HTTP connections, before any service sees them — also where the HTTP layer alone would answer empty.
 */
@QuarkusTest
@WithTestResource(OidcTestServerResource.class)
@WithTestResource(StubUpstreamResource.class)
class GatewayRequestLimitsTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String REQUEST_ID = "limits-test-0001";

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aBodyOverTheLimitIs413ProblemBeforeTheService() {
        given().auth().oauth2(Tokens.caseWorker("KHI")).header("X-Request-Id", REQUEST_ID).contentType(ContentType.JSON)
                .body("x".repeat(4096))
                .post("/api/v1/cases/big").then().statusCode(413).contentType(PROBLEM_JSON)
                .header("X-Request-Id", equalTo(REQUEST_ID))
                .body("type", equalTo("urn:arcc:problem:payload-too-large"))
                .body("title", equalTo("The request body is too large"))
                .body("status", equalTo(413))
                .body("detail", equalTo("Request bodies are limited to 1024 bytes"))
                .body("instance", equalTo("/api/v1/cases/big"))
                .body("requestId", equalTo(REQUEST_ID));
        assertThat(StubUpstreamResource.stub().hits("/api/v1/cases/big")).isZero();
        given().auth().oauth2(Tokens.caseWorker("KHI")).contentType(ContentType.JSON).body("{\"small\":true}")
                .post("/api/v1/cases/big").then().statusCode(200).body("bodyBytes", equalTo(14));
    }

    @Test
    void aBodyBeyondTheHttpLayersOwnLimitIsStillAProblem() throws IOException {
        // 3 MB is over quarkus.http.limits.max-body-size (2M), whose own check answers an empty 413.
        RawResponse response = send("POST /api/v1/cases/huge HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + REQUEST_ID
                + "\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n{\"start\":");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.head()).containsIgnoringCase("content-type: " + PROBLEM_JSON);
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("urn:arcc:problem:payload-too-large");
        assertThat(problem.getString("requestId")).isEqualTo(REQUEST_ID);
        assertThat(StubUpstreamResource.stub().hits("/api/v1/cases/huge")).isZero();
    }

    @Test
    void aUriOverTheLimitIs414ProblemThatDoesNotRepeatIt() {
        String longQuery = "q=" + "a".repeat(4100);
        given().auth().oauth2(Tokens.caseWorker("KHI")).header("X-Request-Id", REQUEST_ID)
                .get("/api/v1/cases/long?" + longQuery).then().statusCode(414).contentType(PROBLEM_JSON)
                .header("X-Request-Id", equalTo(REQUEST_ID))
                .body("type", equalTo("urn:arcc:problem:uri-too-long"))
                .body("title", equalTo("The request URI is too long"))
                .body("status", equalTo(414))
                .body("detail", equalTo("Request URIs are limited to 4000 characters"))
                .body("$", not(hasKey("instance")))
                .body("requestId", equalTo(REQUEST_ID));
        assertThat(StubUpstreamResource.stub().hits("/api/v1/cases/long")).isZero();
        given().auth().oauth2(Tokens.caseWorker("KHI")).get("/api/v1/cases/long?q=" + "a".repeat(3900))
                .then().statusCode(200);
    }

    @Test
    void aUriBeyondTheHttpLayersDefaultLineLimitIsStillAProblem() throws IOException {
        // 8,000 characters: Vert.x's default 4096-byte request line would answer an empty 414.
        RawResponse response = send("GET /api/v1/cases/long?q=" + "b".repeat(8000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Request-Id: " + REQUEST_ID + "\r\n\r\n");
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.head()).containsIgnoringCase("content-type: " + PROBLEM_JSON);
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getString("type")).isEqualTo("urn:arcc:problem:uri-too-long");
        assertThat(problem.getString("requestId")).isEqualTo(REQUEST_ID);
        assertThat(response.body()).doesNotContain("bbbb");
    }

    @Test
    void headersOverTheLimitAre431Problem() {
        given().auth().oauth2(Tokens.caseWorker("KHI")).header("X-Request-Id", REQUEST_ID)
                .header("X-Padding", "p".repeat(24 * 1024))
                .get("/api/v1/cases/padded").then().statusCode(431).contentType(PROBLEM_JSON)
                .header("X-Request-Id", equalTo(REQUEST_ID))
                .body("type", equalTo("urn:arcc:problem:headers-too-large"))
                .body("status", equalTo(431))
                .body("requestId", equalTo(REQUEST_ID));
        assertThat(StubUpstreamResource.stub().hits("/api/v1/cases/padded")).isZero();
    }

    @Test
    void aRefusalWithoutARequestIdGetsAGeneratedOne() {
        String generated = given().get("/api/v1/cases/long?q=" + "c".repeat(4100)).then().statusCode(414)
                .contentType(PROBLEM_JSON).extract().header("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
        given().get("/api/v1/cases/long?q=" + "c".repeat(4100)).then().body("requestId", not(equalTo(generated)));
    }

    private record RawResponse(int status, String head, String body) {
    }

    /** One request on its own connection, read until the gateway closes it (it closes after every refusal). */
    private static RawResponse send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) != -1;) {
                received.write(chunk, 0, n);
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            assertThat(split).as("a complete response head in: %s", text).isPositive();
            String head = text.substring(0, split);
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawResponse(status, head, text.substring(split + 4));
        }
    }
}
