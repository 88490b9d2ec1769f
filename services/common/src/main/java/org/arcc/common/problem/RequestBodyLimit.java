package org.arcc.common.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.RequestIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Refuses request bodies over {@code quarkus.http.limits.max-body-size} with a {@code 413} problem. Quarkus
 * itself answers such requests with an empty 413, before any JAX-RS mapper can run: a declared
 * {@code Content-Length} over the limit is refused here first, and a body without one (chunked, or HTTP/2) is
 * read through a limited body handler, whose failure becomes the same problem. Runs before Quarkus's own check
 * (order -2).
 */
@ApplicationScoped
public class RequestBodyLimit {

    private static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        BodyHandler unsized = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(ORDER).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                if (declaredTooLarge(length, limit)) {
                    tooLarge(ctx, limit);
                } else {
                    ctx.next();
                }
            } else if (mayHaveBody(ctx.request().method())) {
                unsized.handle(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx, limit);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean declaredTooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private static boolean mayHaveBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private void tooLarge(RoutingContext ctx, long limit) {
        String requestId = RequestIds.requestId(ctx.request().getHeader(RequestIds.HEADER));
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "Request bodies are limited to " + limit + " bytes", ctx.request().path(), requestId, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The unread rest of the body is still on the connection: close it after answering.
        ctx.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(RequestIds.HEADER, requestId)
                .end(body);
    }
}
