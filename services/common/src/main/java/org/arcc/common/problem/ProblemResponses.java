package org.arcc.common.problem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.arcc.common.request.CurrentRequest;
import org.arcc.vocabulary.ProblemType;

/** Builds problem responses with the request id and path filled in. */
@ApplicationScoped
public class ProblemResponses {

    /** {@code Retry-After} of a {@code 503 temporarily-unavailable}: the service's database is away. */
    public static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    @Inject
    CurrentRequest currentRequest;

    public Response of(ProblemType type, String detail, UriInfo uri) {
        return of(type, detail, uri, null);
    }

    public Response of(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail,
                uri == null ? null : uri.getRequestUri().getRawPath(), currentRequest.requestId(), errors);
        Response.ResponseBuilder builder = Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (type == ProblemType.UNAUTHENTICATED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (type == ProblemType.IN_PROGRESS) {
            // The first attempt either finishes or, if it died, has already released the key.
            builder.header(HttpHeaders.RETRY_AFTER, "1");
        }
        if (type == ProblemType.TEMPORARILY_UNAVAILABLE) {
            // Long enough for a database restart or failover to finish, short enough not to hold up a cell's work.
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS));
        }
        return builder.build();
    }
}
