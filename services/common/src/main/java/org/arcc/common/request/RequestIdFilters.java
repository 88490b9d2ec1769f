package org.arcc.common.request;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import org.arcc.vocabulary.RequestIds;

/** Takes the client's {@code X-Request-Id} (or makes one), puts it in the log context and returns it. */
public class RequestIdFilters {

    @Inject
    CurrentRequest currentRequest;

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void begin(ContainerRequestContext request) {
        currentRequest.begin(request.getHeaderString(RequestIds.HEADER),
                request.getHeaderString(RequestIds.TRACEPARENT));
        MDC.put("requestId", currentRequest.requestId());
    }

    @ServerResponseFilter
    public void end(ContainerResponseContext response) {
        if (currentRequest.requestId() != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, currentRequest.requestId());
        }
        MDC.remove("requestId");
    }
}
