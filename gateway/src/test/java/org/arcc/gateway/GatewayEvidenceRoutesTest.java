package org.arcc.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The evidence service behind the gateway: its staff and custodian routes need a token and a role, while the
 * survivor's status lookup needs none but is limited per client address and keeps her code out of the logs.
 */
@QuarkusTest
@WithTestResource(OidcTestServerResource.class)
@WithTestResource(StubUpstreamResource.class)
class GatewayEvidenceRoutesTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void custodiansAndCellStaffReachEvidenceOthersAreRefused() {
        String items = "/api/v1/evidence/items";
        given().auth().oauth2(Tokens.custodian("forensic-lab-demo")).get(items).then().statusCode(200)
                .body("path", equalTo(items));
        given().auth().oauth2(Tokens.medicalOfficer("KHI")).contentType(ContentType.JSON).body("{}").post(items)
                .then().statusCode(200).body("method", equalTo("POST"));
        given().auth().oauth2(Tokens.legalOfficer("KHI")).get("/api/v1/evidence/items/i-1/custody-report").then()
                .statusCode(200);
        given().auth().oauth2(Tokens.caseWorker("KHI")).get("/api/v1/evidence/checkpoints/latest").then().statusCode(200);
        given().auth().oauth2(Tokens.platformAdmin()).get(items).then().statusCode(200);

        int before = StubUpstreamResource.stub().hits(items);
        given().auth().oauth2(Tokens.partner("ngo-demo")).get(items).then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:arcc:problem:forbidden"));
        given().auth().oauth2(Tokens.analyst()).get(items).then().statusCode(403).contentType(PROBLEM_JSON);
        given().get(items).then().statusCode(401).contentType(PROBLEM_JSON);
        assertThat(StubUpstreamResource.stub().hits(items)).as("refused requests that reached evidence")
                .isEqualTo(before);
    }

    @Test
    void signedCheckpointsAreOpenToEveryoneWhoMayCheckABundle() {
        given().auth().oauth2(Tokens.partner("ngo-demo")).get("/api/v1/evidence/checkpoints/latest").then().statusCode(200);
        given().auth().oauth2(Tokens.analyst()).get("/api/v1/evidence/checkpoints/consistency").then().statusCode(200);
        given().auth().oauth2(Tokens.analyst()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/evidence/checkpoints/latest").then().statusCode(403);
        given().auth().oauth2(Tokens.partner("ngo-demo")).get("/api/v1/evidence/checkpoints-and-more").then()
                .statusCode(403);
        given().get("/api/v1/evidence/checkpoints/latest").then().statusCode(401);
    }

    @Test
    void theSurvivorsStatusLookupNeedsNoTokenAndOnlyReads() {
        String path = "/api/v1/evidence/status/ABCD-EFGH-JKLM";
        Answer answer = getFrom("127.0.0.5", path);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"path\":\"" + path + "\"");
        assertThat(StubUpstreamResource.stub().lastHeaders().contains("Authorization")).isFalse();

        given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(405).contentType(PROBLEM_JSON);
    }

    @Test
    void theStatusLookupIsLimitedPerClientAddress() {
        String path = "/api/v1/evidence/status/WXYZ-2345-6789";
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(getFrom("127.0.0.3", path));
        }
        List<Answer> refused = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(answers).filteredOn(a -> a.status() == 200).as("within the burst of 3").isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(refused).as("over the burst of 3 per 2 s").hasSizeGreaterThanOrEqualTo(3);
        for (Answer over : refused) {
            assertThat(over.headers()).containsKey("retry-after").containsEntry("ratelimit-remaining", "0");
            assertThat(over.headers().get("content-type")).isEqualTo(PROBLEM_JSON);
            assertThat(over.body()).contains("urn:arcc:problem:rate-limited");
        }

        // Another address has its own bucket: one client's lookups do not lock out the next survivor.
        assertThat(getFrom("127.0.0.4", path).status()).isEqualTo(200);
    }

    @Test
    void theSurvivorsCodeStaysOutOfTheAccessLog() {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                        : record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger access = Logger.getLogger("arcc.gateway.access");
        access.addHandler(capture);
        try {
            assertThat(getFrom("127.0.0.6", "/api/v1/evidence/status/SECR-ETCO-DE42").status()).isEqualTo(200);
            given().contentType(ContentType.JSON).body("{}").post("/api/v1/evidence/status/SECR-ETCO-DE42").then()
                    .statusCode(405);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> lines.stream().filter(l -> l.contains("evidence-status")).count() >= 2);
        } finally {
            access.removeHandler(capture);
        }
        assertThat(String.join("\n", lines)).doesNotContain("SECR-ETCO-DE42").contains("/api/v1/evidence/status/{redacted}");
    }

    @Test
    void evidenceIsPartOfReadinessAndTheApiReference() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.evidence", containsString("UP"));
        given().get("/openapi/evidence").then().statusCode(200).contentType(ContentType.JSON);
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    /** A plain HTTP/1.1 GET sent from a chosen loopback address, as a distinct client would. */
    private Answer getFrom(String sourceAddress, String path) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(sourceAddress), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            StringBuilder body = new StringBuilder();
            while ((line = in.readLine()) != null) {
                body.append(line).append('\n');
            }
            return new Answer(status, headers, body.toString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " from " + sourceAddress + ": " + e.getMessage(), e);
        }
    }
}
