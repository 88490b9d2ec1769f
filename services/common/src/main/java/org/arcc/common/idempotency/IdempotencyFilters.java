package org.arcc.common.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.arcc.common.problem.Problem;
import org.arcc.common.request.CurrentRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code Idempotency-Key} on POST: the first request with a key claims it; its successful answer (status,
 * {@code Location}, {@code ETag}, body) is stored and replayed to every retry with the same key by the same
 * caller. A retry while the first is still running gets 409; a key reused for another endpoint gets 422; a
 * failed first attempt releases the key so that the client can retry.
 */
public class IdempotencyFilters {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIMED = "arcc.idempotency.claimed";
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    @Inject
    DataSource dataSource;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentRequest currentRequest;

    @ServerRequestFilter
    public Response claimOrReplay(ContainerRequestContext request) throws SQLException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || identity.isAnonymous()) {
            return null;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            return problem(400, "urn:arcc:problem:validation", "The request is not valid",
                    HEADER + " must be 8 to 100 characters of letters, digits, '.', '_', ':' or '-'", request);
        }
        String caller = identity.getPrincipal().getName();
        String target = request.getUriInfo().getPath();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement claim = c.prepareStatement("""
                    INSERT INTO idempotent_request (caller, idem_key, target, created_at) VALUES (?, ?, ?, now())
                    ON CONFLICT (caller, idem_key) DO NOTHING""")) {
                claim.setString(1, caller);
                claim.setString(2, key);
                claim.setString(3, target);
                if (claim.executeUpdate() == 1) {
                    request.setProperty(CLAIMED, new String[] { caller, key });
                    return null;
                }
            }
            try (PreparedStatement find = c.prepareStatement(
                    "SELECT target, status, location, etag, body FROM idempotent_request WHERE caller = ? AND idem_key = ?")) {
                find.setString(1, caller);
                find.setString(2, key);
                try (ResultSet first = find.executeQuery()) {
                    if (!first.next()) {
                        return null; // released between our two statements: treat as new next time
                    }
                    if (!target.equals(first.getString("target"))) {
                        return problem(422, "urn:arcc:problem:validation", "The request is not valid",
                                "This " + HEADER + " was already used for another request", request);
                    }
                    if (first.getObject("status") == null) {
                        return problem(409, "urn:arcc:problem:conflict", "The request conflicts with the current state",
                                "The first request with this " + HEADER + " is still being processed; retry shortly", request);
                    }
                    Response.ResponseBuilder replay = Response.status(first.getInt("status"))
                            .header("Idempotent-Replayed", "true");
                    if (first.getString("location") != null) {
                        replay.header(HttpHeaders.LOCATION, first.getString("location"));
                    }
                    if (first.getString("etag") != null) {
                        replay.header(HttpHeaders.ETAG, first.getString("etag"));
                    }
                    if (first.getString("body") != null) {
                        replay.entity(first.getString("body")).type(MediaType.APPLICATION_JSON);
                    }
                    return replay.build();
                }
            }
        }
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response)
            throws SQLException, JsonProcessingException {
        String[] claimed = (String[]) request.getProperty(CLAIMED);
        if (claimed == null) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (response.getStatus() >= 200 && response.getStatus() < 300) {
                try (PreparedStatement store = c.prepareStatement("""
                        UPDATE idempotent_request SET status = ?, location = ?, etag = ?, body = ?, completed_at = now()
                        WHERE caller = ? AND idem_key = ?""")) {
                    store.setInt(1, response.getStatus());
                    Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
                    Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
                    store.setString(2, location == null ? null : location.toString());
                    store.setString(3, etag == null ? null : etag.toString());
                    store.setString(4, response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null);
                    store.setString(5, claimed[0]);
                    store.setString(6, claimed[1]);
                    store.executeUpdate();
                }
            } else {
                try (PreparedStatement release = c.prepareStatement(
                        "DELETE FROM idempotent_request WHERE caller = ? AND idem_key = ? AND status IS NULL")) {
                    release.setString(1, claimed[0]);
                    release.setString(2, claimed[1]);
                    release.executeUpdate();
                }
            }
        }
    }

    private Response problem(int status, String type, String title, String detail, ContainerRequestContext request) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, request.getUriInfo().getRequestUri().getRawPath(),
                        currentRequest.requestId(), null))
                .build();
    }
}
