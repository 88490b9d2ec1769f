package org.arcc.common.idempotency;

import jakarta.ws.rs.core.Response;

/**
 * Thrown instead of running a POST whose key already has a result, so that the replay reaches the client
 * whatever the resource method returns; {@link IdempotencyFilters#replay} answers with it.
 */
public final class IdempotentReplay extends RuntimeException {

    private final transient StoredResult result;

    IdempotentReplay(StoredResult result) {
        super(null, null, false, false);
        this.result = result;
    }

    Response response() {
        return result.toResponse();
    }
}
