package org.arcc.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.arcc.vocabulary.ProblemType;

/**
 * RFC 9457 problem bodies, in the same shape and with the same types ({@link ProblemType}, shared with the
 * services) as the services' (type, title, status, detail, instance, requestId), so a client handles the
 * gateway's refusals and a service's alike.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /**
     * Answers with the problem unless an answer was already sent. {@code instance} is left out when null (a path
     * too long to repeat, or one that holds the refused value).
     */
    public static void respond(RoutingContext rc, ProblemType type, String detail, String instance, String requestId) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(type.status()).putHeader("content-type", MEDIA_TYPE)
                .end(body(type, detail, instance, requestId));
    }

    public static Buffer body(ProblemType type, String detail, String path, String requestId) {
        JsonObject problem = new JsonObject()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail);
        if (path != null) {
            problem.put("instance", path);
        }
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem.toBuffer();
    }
}
