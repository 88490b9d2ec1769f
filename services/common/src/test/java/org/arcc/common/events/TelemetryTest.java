package org.arcc.common.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.common.audit.AuditWatch;
import org.arcc.contracts.telemetry.PlatformMetrics;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.RecordedSpans;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Telemetry of the shared code every service runs. One trace across the event backbone: the span that records an
 * event is the parent of the span in which the consumer applies it, though the relay publishes later on a thread of
 * its own and the event crosses Kafka. And /q/metrics exposes every metric the dashboard and alerts read from every
 * service ({@link PlatformMetrics}).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "tracing"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class TelemetryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** What a consumer span may say: where the event was and what it is, never what it carries. */
    private static final Set<String> CONSUMER_ATTRIBUTES = Set.of("messaging.system", "messaging.operation.type",
            "messaging.destination.name", "messaging.destination.partition.id", "messaging.kafka.offset",
            "messaging.consumer.group.name", "messaging.message.id", "cloudevents.event_type");

    @Inject
    StepService steps;

    @Inject
    Tracer tracer;

    @Inject
    RecordedSpans spans;

    @Inject
    AuditWatch auditWatch;

    @Test
    void theConsumerAppliesAnEventInTheTraceOfTheRequestThatRecordedIt() throws Exception {
        String aggregate = "traced-" + UUID.randomUUID();
        Span request = tracer.spanBuilder("POST /steps").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope scope = request.makeCurrent()) {
            steps.commit(List.of(aggregate), 1, 1);
        } finally {
            request.end();
        }
        String traceId = request.getSpanContext().getTraceId();
        String spanId = request.getSpanContext().getSpanId();

        try (KafkaTopicReader topic = new KafkaTopicReader(KafkaBrokerResource.broker().bootstrapServers(), Step.TOPIC)) {
            ConsumerRecord<String, String> published = topic.awaitRecord(r -> aggregate.equals(r.key()), PATIENCE);
            assertThat(KafkaTopicReader.header(published, "ce_traceparent"))
                    .as("the CloudEvents distributed-tracing attribute names the span that recorded the event")
                    .isEqualTo("00-" + traceId + "-" + spanId + "-01");
        }

        SpanData applied = await().atMost(PATIENCE).until(() -> spans.ofTrace(traceId).stream()
                .filter(span -> span.getKind() == SpanKind.CONSUMER).findFirst().orElse(null), span -> span != null);
        assertThat(applied.getParentSpanId()).as("the consumer span continues the recording span").isEqualTo(spanId);
        assertThat(applied.getName()).isEqualTo(Step.TOPIC + " process");
        assertThat(applied.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")))
                .isEqualTo(StepProjection.CONSUMER);
        assertThat(applied.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
                .as("ids, topic and type only: no payload field").isSubsetOf(CONSUMER_ATTRIBUTES);
    }

    @Test
    void metricsExposeWhatTheDashboardAndAlertsReadAndNoCaseId() {
        String aggregate = "measured-" + UUID.randomUUID();
        steps.commit(List.of(aggregate), 1, 1);
        assertThat(auditWatch.check(List.of()).intact()).as("a fresh audit trail is intact").isTrue();
        given().get("/nothing-here").then().statusCode(404);

        await().atMost(PATIENCE).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            for (PlatformMetrics.Metric metric : PlatformMetrics.exposedBy(PlatformMetrics.Exposer.EVERY_SERVICE)) {
                assertThat(metric.series()).as(metric.name())
                        .anySatisfy(series -> assertThat(metrics).containsPattern("(?m)^" + series + "[{ ]"));
            }
            assertThat(metrics).contains("arcc_events_recorded_total{type=\"arcc.test.step.v1\"}")
                    .contains("http_server_requests_seconds_bucket{")
                    .doesNotContain(aggregate);
        });
    }
}
