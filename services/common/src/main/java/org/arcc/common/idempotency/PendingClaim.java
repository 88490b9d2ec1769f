package org.arcc.common.idempotency;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** The claim of the request being served, set by {@link IdempotencyFilters}, taken by the interceptor. */
@RequestScoped
public class PendingClaim {

    private IdempotencyClaim claim;

    void set(IdempotencyClaim claim) {
        this.claim = claim;
    }

    /** The claim, once: a nested call in the same request runs inside the first one's transaction. */
    Optional<IdempotencyClaim> take() {
        IdempotencyClaim taken = claim;
        claim = null;
        return Optional.ofNullable(taken);
    }
}
