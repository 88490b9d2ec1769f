package org.arcc.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem bodies, in the same shape as the services' (type, title, status, detail, instance,
 * requestId), so a client handles the gateway's refusals and a service's alike.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public enum Type {
        UNAUTHENTICATED("unauthenticated", 401, "A valid access token is required"),
        FORBIDDEN("forbidden", 403, "Your role does not allow this"),
        NOT_FOUND("not-found", 404, "No such resource"),
        METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed here"),
        TOO_LARGE("payload-too-large", 413, "The request body is too large"),
        URI_TOO_LONG("uri-too-long", 414, "The request URI is too long"),
        TOO_MANY_REQUESTS("rate-limited", 429, "Too many requests"),
        HEADERS_TOO_LARGE("headers-too-large", 431, "The request headers are too large"),
        UNAVAILABLE("service-unavailable", 503, "The service is not available"),
        TIMEOUT("upstream-timeout", 504, "The service did not answer in time");

        private final String slug;
        private final int status;
        private final String title;

        Type(String slug, int status, String title) {
            this.slug = slug;
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }
    }

    /**
     * Answers with the problem unless an answer was already sent. {@code instance} is left out when null (a path
     * too long to repeat, or one that holds the refused value).
     */
    public static void respond(RoutingContext rc, Type type, String detail, String instance, String requestId) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(type.status()).putHeader("content-type", MEDIA_TYPE)
                .end(body(type, detail, instance, requestId));
    }

    public static Buffer body(Type type, String detail, String path, String requestId) {
        JsonObject problem = new JsonObject()
                .put("type", "urn:arcc:problem:" + type.slug)
                .put("title", type.title)
                .put("status", type.status)
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
