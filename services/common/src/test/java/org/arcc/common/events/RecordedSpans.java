package org.arcc.common.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/** The in-process collector of the tests: every span that ended, as Quarkus hands span processors their spans. */
@Singleton
public class RecordedSpans implements SpanProcessor {

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    public List<SpanData> ofTrace(String traceId) {
        return ended.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
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
