package org.arcc.common.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.arcc.common.inbox.EventHandler;
import org.arcc.common.inbox.ReceivedEvent;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * One trace per request across services, through Kafka (docs/deployment.md, Telemetry). The outbox stores the
 * W3C {@code traceparent} of the span that recorded an event, in the request's own transaction (the relay
 * publishes later, on a thread of its own); the relay sends it as the CloudEvents distributed-tracing attribute
 * ({@code ce_traceparent}); the consuming service applies the event inside a span continuing that trace, so what
 * its handler records carries the trace on.
 * <p>
 * Spans carry ids, topics and event types only: never a payload, whose fields may be a survivor's.
 */
@ApplicationScoped
public class EventTracing {

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return java.util.List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    @Inject
    Tracer tracer;

    /** The W3C traceparent of the span current on this thread, or null when there is none. */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }

    /** The handler of a consumer, each event applied in a consumer span whose parent is the event's traceparent. */
    public EventHandler traced(String consumer, EventHandler handler) {
        return new EventHandler() {
            @Override
            public void handle(ReceivedEvent event) throws Exception {
                traced(consumer, handler, event);
            }

            @Override
            public void beforeCommit() throws Exception {
                handler.beforeCommit();
            }
        };
    }

    private void traced(String consumer, EventHandler handler, ReceivedEvent event) throws Exception {
        Span span = tracer.spanBuilder(event.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parentOf(event))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(event.partition()))
                .setAttribute("messaging.kafka.offset", event.offset())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            handler.handle(event);
        } catch (Exception | Error e) {
            // The class only: an exception's message may quote what the event was about.
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private static Context parentOf(ReceivedEvent event) {
        return event.traceparent() == null
                ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), event.traceparent(), TRACEPARENT);
    }
}
