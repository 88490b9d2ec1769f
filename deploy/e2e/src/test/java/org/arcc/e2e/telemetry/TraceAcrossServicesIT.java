package org.arcc.e2e.telemetry;

import static org.arcc.e2e.Gateway.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.arcc.e2e.telemetry.OtlpReceiver.ReceivedSpan;
import org.arcc.local.PlatformUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's "done when": one request is one trace across the platform, gateway → cases → Kafka → evidence, as the
 * platform's own exporters send it to a collector (the suite's {@link OtlpReceiver}). A caseworker opens a case
 * through the gateway with a traceparent of her client's; the case-opened event crosses Kafka and the evidence
 * service applies it in a span of the same trace, whose parent is the cases span that recorded the event.
 */
@Order(20)
@ExtendWith(PlatformUnderTest.class)
class TraceAcrossServicesIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(120);

    @Test
    void oneRequestIsOneTraceFromTheGatewayThroughKafkaToEvidence() {
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(random(16));
        String clientSpan = hex.formatHex(random(8));

        String caseId = as("khi.caseworker").header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .body(Map.of("channel", "WALK_IN", "ageBand", "ADULT_25_59",
                        "arrivedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");

        // Each component exports its spans in its own batches: wait until all three have sent theirs.
        List<ReceivedSpan> trace = await().atMost(EVENTUALLY).until(() -> TraceCollection.receiver().ofTrace(traceId),
                spans -> spans.stream().anyMatch(TraceAcrossServicesIT::appliedByEvidence)
                        && spans.stream().anyMatch(s -> "arcc-gateway".equals(s.service()) && s.kind() == OtlpReceiver.SERVER)
                        && spans.stream().anyMatch(s -> "arcc-cases".equals(s.service()) && s.kind() == OtlpReceiver.SERVER));

        ReceivedSpan gateway = one(trace, "arcc-gateway", OtlpReceiver.SERVER);
        ReceivedSpan cases = one(trace, "arcc-cases", OtlpReceiver.SERVER);
        ReceivedSpan evidence = trace.stream().filter(TraceAcrossServicesIT::appliedByEvidence).findFirst().orElseThrow();
        // The gateway may call Keycloak too (its signing keys) in the same request: the call to cases is the one
        // whose span the cases span continues.
        ReceivedSpan gatewayCall = trace.stream().filter(s -> s.spanId().equals(cases.parentSpanId())).findFirst()
                .orElseThrow(() -> new AssertionError("the parent of the cases span is not in the trace: " + trace));

        assertThat(gateway.parentSpanId()).as("the gateway continues the client's trace").isEqualTo(clientSpan);
        assertThat(gatewayCall.service()).as("cases continues the gateway's call (W3C traceparent over HTTP)")
                .isEqualTo("arcc-gateway");
        assertThat(gatewayCall.kind()).isEqualTo(OtlpReceiver.CLIENT);
        assertThat(gatewayCall.parentSpanId()).as("its call to cases is part of the request").isEqualTo(gateway.spanId());
        Set<String> casesSpans = trace.stream().filter(s -> "arcc-cases".equals(s.service())).map(ReceivedSpan::spanId)
                .collect(Collectors.toSet());
        assertThat(evidence.parentSpanId()).as("evidence applies the event in the trace of the cases span that recorded"
                + " it (ce_traceparent through the outbox and Kafka)").isIn(casesSpans);
        assertThat(evidence.attributes()).containsEntry("messaging.destination.name", "arcc.cases.v1")
                .containsEntry("messaging.system", "kafka");
        assertThat(evidence.attributes()).as("the event's id, topic and type, never its payload")
                .doesNotContainKey("messaging.message.body");
        assertThat(caseId).isNotBlank();
    }

    /** The evidence service applying the case-opened event. */
    private static boolean appliedByEvidence(ReceivedSpan span) {
        return "arcc-evidence".equals(span.service()) && span.kind() == OtlpReceiver.CONSUMER
                && span.attributes().getOrDefault("cloudevents.event_type", "").startsWith("arcc.case.opened.");
    }

    private static ReceivedSpan one(List<ReceivedSpan> trace, String service, int kind) {
        List<ReceivedSpan> found = trace.stream().filter(s -> service.equals(s.service()) && s.kind() == kind).toList();
        assertThat(found).as(service + " spans of kind " + kind + " in " + trace).hasSize(1);
        return found.get(0);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
