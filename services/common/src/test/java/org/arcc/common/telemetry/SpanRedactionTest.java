package org.arcc.common.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * What a service's spans may say about the request, through the real OpenTelemetry SDK: the processor runs before the
 * exporter, which must never see a survivor's status code or a query string.
 */
@UnitTest
class SpanRedactionTest {

    private final List<SpanData> exported = new ArrayList<>();

    @Test
    void theSurvivorsCodeNeverReachesTheExporter() {
        SpanData span = serverSpan("/api/v1/evidence/status/ABCD-EFGH-JKLM", null,
                "http://evidence:8082/api/v1/evidence/status/ABCD-EFGH-JKLM");

        assertThat(span.getAttributes().get(SpanRedaction.URL_PATH)).isEqualTo("/api/v1/evidence/status/{redacted}");
        assertThat(span.getAttributes().get(SpanRedaction.URL_FULL))
                .isEqualTo("http://evidence:8082/api/v1/evidence/status/{redacted}");
        assertThat(span.getAttributes().asMap().values()).noneMatch(v -> String.valueOf(v).contains("ABCD"));
    }

    @Test
    void otherPathsStayAsTheyAreAndQueryStringsNeverDo() {
        SpanData span = serverSpan("/api/v1/evidence/items/7f0c", "status=SEALED&page=2", null);

        assertThat(span.getAttributes().get(SpanRedaction.URL_PATH)).isEqualTo("/api/v1/evidence/items/7f0c");
        assertThat(span.getAttributes().get(SpanRedaction.URL_QUERY)).isEqualTo("{redacted}");
    }

    @Test
    void thePrefixItselfAndLookAlikePathsAreNotSecrets() {
        SpanRedaction redaction = new SpanRedaction(Optional.of(List.of("/api/v1/evidence/status")));
        assertThat(redaction.loggable("/api/v1/evidence/status")).isEqualTo("/api/v1/evidence/status");
        assertThat(redaction.loggable("/api/v1/evidence/statuses/x")).isEqualTo("/api/v1/evidence/statuses/x");
        assertThat(new SpanRedaction(Optional.empty()).loggable("/api/v1/evidence/status/ABCD"))
                .isEqualTo("/api/v1/evidence/status/ABCD");
    }

    private SpanData serverSpan(String path, String query, String full) {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(new SpanRedaction(Optional.of(List.of("/api/v1/evidence/status"))))
                .addSpanProcessor(SimpleSpanProcessor.create(new Collecting()))
                .build()) {
            var builder = tracing.get("test").spanBuilder("GET /api/v1/evidence/status/{code}").setSpanKind(SpanKind.SERVER)
                    .setAttribute(SpanRedaction.URL_PATH, path);
            if (query != null) {
                builder.setAttribute(SpanRedaction.URL_QUERY, query);
            }
            if (full != null) {
                builder.setAttribute(SpanRedaction.URL_FULL, full);
            }
            builder.startSpan().end();
        }
        assertThat(exported).hasSize(1);
        return exported.get(0);
    }

    private final class Collecting implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
