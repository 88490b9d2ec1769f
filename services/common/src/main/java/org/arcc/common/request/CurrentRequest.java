package org.arcc.common.request;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;

/**
 * The request id and W3C trace context of the HTTP request being served. Outside a request (a relay, a
 * consumer) {@link #current()} answers with no request id.
 */
@RequestScoped
public class CurrentRequest {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";

    /** What we accept as a client's request id; anything else is replaced, so ids never inject log lines. */
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private String requestId;
    private String traceparent;

    void begin(String incomingRequestId, String incomingTraceparent) {
        this.requestId = requestIdFrom(incomingRequestId);
        this.traceparent = incomingTraceparent != null && TRACEPARENT.matcher(incomingTraceparent).matches()
                ? incomingTraceparent
                : null;
    }

    /** The client's request id if it is safe to log and echo, else a new one. */
    public static String requestIdFrom(String incoming) {
        return incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    /** Carries a request's ids into work done for it on another thread (in a request context of its own). */
    public void resume(Context captured) {
        this.requestId = captured.requestId();
        this.traceparent = captured.traceparent();
    }

    public String requestId() {
        return requestId;
    }

    public String traceparent() {
        return traceparent;
    }

    /** Request id and traceparent of the active request, or nulls outside one. */
    public static Context current() {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return new Context(null, null);
        }
        CurrentRequest request = Arc.container().instance(CurrentRequest.class).get();
        return new Context(request.requestId(), request.traceparent());
    }

    public record Context(String requestId, String traceparent) {
    }
}
