package org.arcc.common.idempotency;

import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.arcc.common.problem.ProblemResponses;
import org.arcc.vocabulary.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code Idempotency-Key} on POST: the key is checked here and handed to {@link IdempotentPostInterceptor},
 * which runs the request in one transaction with the key and its stored first result. A retry with the same
 * key by the same caller gets the first successful answer again (status, {@code Location}, {@code ETag},
 * body, and {@code Idempotent-Replayed: true}); a retry while the first still runs gets {@code 409
 * in-progress} (retry after a moment: the first either finishes or, if it died, released the key); a key
 * reused for another path gets {@code 422 idempotency-key-reused}; a failed first attempt stores nothing, so
 * the client can retry with the same key.
 */
public class IdempotencyFilters {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    @Inject
    SecurityIdentity identity;

    @Inject
    PendingClaim pending;

    @Inject
    ProblemResponses problems;

    @ServerRequestFilter
    public Response checkKey(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || identity.isAnonymous()) {
            return null;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            return problems.of(ProblemType.VALIDATION,
                    HEADER + " must be 8 to 100 characters of letters, digits, '.', '_', ':' or '-'",
                    request.getUriInfo());
        }
        pending.set(new IdempotencyClaim(identity.getPrincipal().getName(), key, request.getUriInfo().getPath()));
        return null;
    }

    @ServerExceptionMapper
    public Response replay(IdempotentReplay replay) {
        return replay.response();
    }
}
