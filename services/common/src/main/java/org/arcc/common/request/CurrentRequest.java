package org.arcc.common.request;

import jakarta.enterprise.context.RequestScoped;

import org.arcc.vocabulary.RequestIds;

import io.quarkus.arc.Arc;

/**
 * The request id and W3C trace context of the HTTP request being served, taken from the client as {@link RequestIds}
 * says. Outside a request (a relay, a consumer) {@link #current()} answers with no request id.
 */
@RequestScoped
public class CurrentRequest {

    private String requestId;
    private String traceparent;

    void begin(String incomingRequestId, String incomingTraceparent) {
        this.requestId = RequestIds.requestId(incomingRequestId);
        this.traceparent = RequestIds.validTraceparent(incomingTraceparent) ? incomingTraceparent : null;
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
