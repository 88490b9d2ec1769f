package org.arcc.common.problem;

import jakarta.ws.rs.core.Response.Status;

/** The kinds of problem ARCC services answer with; the URIs are part of the API and never change. */
public enum ProblemType {
    VALIDATION("validation", Status.BAD_REQUEST, "The request is not valid"),
    MALFORMED("malformed-request", Status.BAD_REQUEST, "The request body cannot be read"),
    UNAUTHENTICATED("unauthenticated", Status.UNAUTHORIZED, "A valid access token is required"),
    FORBIDDEN("forbidden", Status.FORBIDDEN, "Your role does not allow this"),
    NOT_FOUND("not-found", Status.NOT_FOUND, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", Status.METHOD_NOT_ALLOWED, "Method not allowed here"),
    NOT_ACCEPTABLE("not-acceptable", Status.NOT_ACCEPTABLE, "Cannot answer in the requested media type"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", Status.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    CONFLICT("conflict", Status.CONFLICT, "The request conflicts with the current state"),
    GONE("gone", Status.GONE, "The resource was erased"),
    INTERNAL("internal", Status.INTERNAL_SERVER_ERROR, "Something went wrong on our side");

    private static final String BASE = "urn:arcc:problem:";

    private final String uri;
    private final Status status;
    private final String title;

    ProblemType(String slug, Status status, String title) {
        this.uri = BASE + slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return uri;
    }

    public Status status() {
        return status;
    }

    public String title() {
        return title;
    }
}
