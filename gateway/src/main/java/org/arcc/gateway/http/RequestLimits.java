package org.arcc.gateway.http;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.gateway.config.GatewaySettings;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.RequestIds;
import org.jboss.logging.Logger;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's size limits on a request (URI, headers, declared body), answered as problems with the request id
 * before anything else runs, on every path.
 *
 * <p>Vert.x's HTTP decoder refuses a request line or headers above {@code quarkus.http.limits.max-initial-line-length}
 * and {@code max-header-size} itself, with an empty 414 or 431 that no route or filter of the application ever
 * sees (Quarkus offers no hook for it). So those decoder limits are set well above the gateway's own, and the
 * refusal a client meets is this one. The gateway's limits also sit below the services' decoder limits (4096-byte
 * request line, 20 KiB of headers), so nothing the gateway lets through is refused bare by a service.
 *
 * <p>Runs at order -3, before Quarkus's own body-size check (order -2), which would answer an empty 413. A body
 * without a {@code Content-Length} (chunked) streams through and meets the service's own limit, a problem too.
 */
@ApplicationScoped
public class RequestLimits {

    private static final Logger ACCESS = Logger.getLogger("arcc.gateway.access");
    private static final int ORDER = -3;

    @Inject
    GatewaySettings settings;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String requestId = RequestIds.requestId(request.getHeader(RequestIds.HEADER));
        if (request.uri().length() > settings.maxUriLength()) {
            // The URI itself is the refused value (and may hold a survivor's code): it is neither repeated nor logged.
            refuse(rc, ProblemType.URI_TOO_LONG, "Request URIs are limited to " + settings.maxUriLength()
                    + " characters", null, requestId);
            return;
        }
        long headerBytes = headerBytes(request);
        if (headerBytes > settings.maxHeaderSize().asLongValue()) {
            refuse(rc, ProblemType.HEADERS_TOO_LARGE, "Request headers are limited to "
                    + settings.maxHeaderSize().asLongValue() + " bytes", rc.normalizedPath(), requestId);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && declared(length) > settings.maxBodySize().asLongValue()) {
            refuse(rc, ProblemType.PAYLOAD_TOO_LARGE, "Request bodies are limited to " + settings.maxBodySize().asLongValue()
                    + " bytes", rc.normalizedPath(), requestId);
            return;
        }
        rc.next();
    }

    private static void refuse(RoutingContext rc, ProblemType type, String detail, String instance, String requestId) {
        // What was not read of the request is still on the connection: close it after answering.
        rc.response().putHeader(RequestIds.HEADER, requestId).putHeader("Connection", "close")
                .endHandler(v -> rc.request().connection().close());
        Problems.respond(rc, type, detail, instance, requestId);
        ACCESS.infof("method=%s route=none path=- status=%d refused=%s request_id=%s", rc.request().method().name(),
                type.status(), type.name(), requestId);
    }

    /** Headers as the HTTP decoder counts them: name, separator, value and line end. */
    private static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private static long declared(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
