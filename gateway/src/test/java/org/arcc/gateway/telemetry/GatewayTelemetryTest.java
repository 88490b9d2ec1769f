package org.arcc.gateway.telemetry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.arcc.gateway.StubUpstreamResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.RecordedSpans;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The gateway's part of one trace per request: it continues the client's trace in a server span, calls the
 * service in a client span the service continues, keeps the survivor's code out of its spans, and exposes
 * request metrics by route, never by raw path.
 */
@QuarkusTest
@WithTestResource(OidcTestServerResource.class)
@WithTestResource(StubUpstreamResource.class)
class GatewayTelemetryTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @Inject
    RecordedSpans spans;

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theServiceContinuesTheTraceFromTheGatewaysOwnSpans() {
        given().auth().oauth2(Tokens.caseWorker("KHI")).header("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-01")
                .get("/api/v1/cases/traced").then().statusCode(200);

        String forwarded = StubUpstreamResource.stub().lastHeaders().get("traceparent");
        assertThat(forwarded).as("the service is told the trace").startsWith("00-" + TRACE + "-");
        String parentOfService = forwarded.split("-")[2];

        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spans.ofTrace(TRACE),
                ended -> ended.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)
                        && ended.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT));
        SpanData server = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData client = trace.stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).as("the gateway continues the caller's span").isEqualTo(CLIENT_SPAN);
        assertThat(client.getParentSpanId()).as("the call to the service is part of the request").isEqualTo(server.getSpanId());
        assertThat(parentOfService).as("the service's parent is the gateway's call, not the caller's span")
                .isEqualTo(client.getSpanId());
    }

    @Test
    void theSurvivorsCodeNeverReachesASpan() {
        String code = "TRCE-SPAN-CODE";
        given().header("traceparent", "00-" + TRACE.replace('4', '5') + "-" + CLIENT_SPAN + "-01")
                .get("/api/v1/evidence/status/" + code + "?name=Ayesha").then().statusCode(200);

        List<SpanData> trace = await().atMost(Duration.ofSeconds(10)).until(() -> spans.ofTrace(TRACE.replace('4', '5')),
                ended -> ended.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT));
        assertThat(trace).allSatisfy(span -> {
            assertThat(span.getName()).doesNotContain(code);
            assertThat(span.getAttributes().asMap().values()).extracting(String::valueOf)
                    .noneMatch(value -> value.contains(code) || value.contains("Ayesha"));
        });
    }

    @Test
    void requestsAreMeasuredByRouteNeverByPath() {
        given().auth().oauth2(Tokens.caseWorker("KHI")).get("/api/v1/cases/0b7c1e2a-measured").then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("arcc_gateway_requests_seconds_count{method=\"GET\",route=\"cases\",status=\"200\"}"))
                .body(not(containsString("0b7c1e2a-measured")));
    }
}
