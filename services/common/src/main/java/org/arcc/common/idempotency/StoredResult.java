package org.arcc.common.idempotency;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The first successful result of a POST, as replayed: status, {@code Location}, {@code ETag} and the JSON
 * body (null when the request had none, or after the case's identity was erased).
 */
public record StoredResult(int status, String location, String etag, String body) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    Response toResponse() {
        Response.ResponseBuilder replay = Response.status(status).header(REPLAYED_HEADER, "true");
        if (location != null) {
            replay.location(URI.create(location));
        }
        if (etag != null) {
            replay.header(HttpHeaders.ETAG, etag);
        }
        if (body != null) {
            replay.entity(body).type(MediaType.APPLICATION_JSON);
        }
        return replay.build();
    }
}
