package org.arcc.vocabulary;

/**
 * The kinds of problem the gateway and the ARCC services answer with (RFC 9457 {@code type} URIs); the URIs are
 * part of the API and never change. The last five only the gateway answers with.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "The request is not valid"),
    MALFORMED("malformed-request", 400, "The request body cannot be read"),
    UNAUTHENTICATED("unauthenticated", 401, "A valid access token is required"),
    FORBIDDEN("forbidden", 403, "Your role does not allow this"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed here"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Cannot answer in the requested media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    CONFLICT("conflict", 409, "The request conflicts with the current state"),
    CUSTODY_LOG_INTEGRITY("custody-log-integrity", 409, "The custody log no longer matches what was signed"),
    GONE("gone", 410, "The resource was erased"),
    PRECONDITION_FAILED("precondition-failed", 412, "The resource changed since you read it"),
    CONSENT_REQUIRED("consent-required", 422, "The survivor's consent is required"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "This Idempotency-Key was used for another request"),
    IN_PROGRESS("in-progress", 409, "The first request with this Idempotency-Key is still being processed"),
    INTERNAL("internal", 500, "Something went wrong on our side"),
    /** A service's own database cannot be reached right now (restarting, failing over): nothing was stored. */
    TEMPORARILY_UNAVAILABLE("temporarily-unavailable", 503, "The service cannot serve this right now; retry shortly"),
    URI_TOO_LONG("uri-too-long", 414, "The request URI is too long"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "The request headers are too large"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "The service is not available"),
    UPSTREAM_TIMEOUT("upstream-timeout", 504, "The service did not answer in time");

    private static final String BASE = "urn:arcc:problem:";

    private final String uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.uri = BASE + slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
