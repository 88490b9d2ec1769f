package org.arcc.sdk;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A refusal from the platform: its RFC 9457 {@code application/problem+json} body as a typed exception. Every ARCC
 * refusal has this shape; {@link #type()} is the stable thing to branch on (e.g.
 * {@code urn:arcc:problem:consent-required}), {@link #requestId()} is what to quote to the platform's operators.
 * {@link ArccHttpClient} throws it for every problem response, so it reaches callers of the generated APIs
 * unwrapped.
 */
public final class ArccProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where it is ({@code body.channel}, {@code query.page}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final String requestId;
    private final List<FieldError> errors;

    public ArccProblem(String type, String title, int status, String detail, String instance, String requestId,
            List<FieldError> errors) {
        super(status + " " + type + (detail == null ? "" : ": " + detail)
                + (requestId == null ? "" : " (request " + requestId + ")"));
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.errors = List.copyOf(errors);
    }

    /** Whether a response with these headers carries a problem body. */
    public static boolean isProblem(HttpHeaders headers) {
        return headers.firstValue("Content-Type").map(t -> t.toLowerCase().startsWith(MEDIA_TYPE)).orElse(false);
    }

    /**
     * Reads a problem body. A body that is not a problem document still gives a problem ({@code about:blank} with
     * the HTTP status), so a caller never has to handle two kinds of error.
     */
    public static ArccProblem parse(int status, byte[] body, String requestIdHeader) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (java.io.IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return new ArccProblem("about:blank", "HTTP " + status, status, null, null, requestIdHeader, List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : node.path("errors")) {
            errors.add(new FieldError(text(error, "field"), text(error, "message")));
        }
        String requestId = text(node, "requestId");
        return new ArccProblem(node.hasNonNull("type") ? node.get("type").asText() : "about:blank", text(node, "title"),
                node.path("status").asInt(status), text(node, "detail"), text(node, "instance"),
                requestId != null ? requestId : requestIdHeader, errors);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /** The stable URI naming the kind of problem, e.g. {@code urn:arcc:problem:not-found}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** The request path. */
    public String instance() {
        return instance;
    }

    /** The platform's id of the request, to find its log lines. */
    public String requestId() {
        return requestId;
    }

    /** One entry per invalid field, for validation problems; empty otherwise. */
    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String toString() {
        return "ArccProblem[" + getMessage() + (errors.isEmpty() ? "" : ", errors=" + errors) + "]";
    }
}
