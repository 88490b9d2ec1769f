package org.arcc.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The in-process collector of a {@code @QuarkusTest}: every span that ended, as Quarkus hands its spans to the
 * {@link SpanProcessor} beans of the application. A test module makes it a bean with a one-line producer:
 *
 * <pre>{@code
 * @Produces @Singleton RecordedSpans spans() { return new RecordedSpans(); }
 * }</pre>
 * and records every span with {@code quarkus.otel.traces.sampler.arg=1} (exporting none with
 * {@code quarkus.otel.exporter.otlp.enabled=false}).
 */
public class RecordedSpans implements SpanProcessor {

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    /** The spans of one trace that have ended, in the order they ended. */
    public List<SpanData> ofTrace(String traceId) {
        return ended.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    public List<SpanData> all() {
        return List.copyOf(ended);
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
