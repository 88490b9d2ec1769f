package org.arcc.common.idempotency;

/**
 * A POST that carries a valid {@code Idempotency-Key}: who sent it, the key and the path it was sent to.
 * Keys are per caller, so two callers may use the same key.
 */
public record IdempotencyClaim(String caller, String key, String target) {

    /** Data key owner of the stored result, binding its ciphertext to this claim. */
    String keyOwner() {
        return "idempotency:" + caller + ":" + key;
    }
}
