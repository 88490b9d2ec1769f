package org.arcc.common.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.common.crypto.FieldCipher;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.arcc.common.problem.ProblemException;
import org.arcc.vocabulary.ProblemType;

/**
 * The {@code idempotent_request} table: first results of POSTs, keyed by caller and key, their bodies sealed
 * under a data key of their own. Everything here runs in the use case's transaction.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** Advisory-lock class of idempotency keys (the second key is the hash of caller and key). */
    private static final int LOCK_CLASS = 0x1DE7;
    private static final String BODY_FIELD = "body";

    @Inject
    EntityManager entityManager;

    @Inject
    FieldCipher cipher;

    /**
     * Takes the key for this transaction and returns its first result, if there is one. The key is held by a
     * transaction-scoped advisory lock: it is released by commit, rollback, or the death of the process or
     * connection, so a crashed attempt never leaves the key taken.
     *
     * @throws ProblemException {@code 409 in-progress} while another attempt with the key runs,
     *                          {@code 422 idempotency-key-reused} when the key answered another path
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredResult> claim(IdempotencyClaim claim) {
        Boolean taken = (Boolean) entityManager
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, LOCK_CLASS).setParameter(2, claim.caller() + "\n" + claim.key())
                .getSingleResult();
        if (!Boolean.TRUE.equals(taken)) {
            throw new ProblemException(ProblemType.IN_PROGRESS,
                    "The first request with this Idempotency-Key is still being processed; retry shortly");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT target, status, location, etag, body_sealed, data_key_id
                FROM idempotent_request WHERE caller = ?1 AND idem_key = ?2""")
                .setParameter(1, claim.caller()).setParameter(2, claim.key())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.get(0);
        if (!claim.target().equals(first[0])) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for another request; use a new key for a new request");
        }
        String body = null;
        if (first[4] != null && first[5] != null) {
            FieldCipher.OpenKey key = cipher.open((UUID) first[5], claim.keyOwner());
            body = cipher.decrypt(key, BODY_FIELD, (byte[]) first[4]);
        }
        return Optional.of(new StoredResult(((Number) first[1]).intValue(), (String) first[2], (String) first[3], body));
    }

    /** Stores a successful first result, its body sealed under a new data key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(IdempotencyClaim claim, StoredResult result) {
        byte[] sealed = null;
        UUID dataKey = null;
        if (result.body() != null) {
            FieldCipher.OpenKey key = cipher.newDataKey(claim.keyOwner());
            dataKey = key.id();
            sealed = cipher.encrypt(key, BODY_FIELD, result.body());
        }
        entityManager.createNativeQuery("""
                INSERT INTO idempotent_request (caller, idem_key, target, status, location, etag, body_sealed,
                    data_key_id, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now())""")
                .setParameter(1, claim.caller()).setParameter(2, claim.key()).setParameter(3, claim.target())
                .setParameter(4, result.status()).setParameter(5, result.location()).setParameter(6, result.etag())
                .unwrap(NativeQuery.class)
                // Typed, so that a result without a body binds SQL NULLs of the right types.
                .setParameter(7, sealed, StandardBasicTypes.BINARY).setParameter(8, dataKey, StandardBasicTypes.UUID)
                .executeUpdate();
    }

    /**
     * Blanks the stored bodies of every first result about a record (its id in the path or the Location) and
     * destroys their data keys, so an erased identity leaves no readable copy here. Retries still replay the
     * status and headers.
     *
     * @return how many results were blanked
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetBodiesAbout(UUID recordId) {
        String pattern = "%" + recordId + "%";
        @SuppressWarnings("unchecked")
        List<UUID> keys = entityManager.createNativeQuery("""
                UPDATE idempotent_request SET body_sealed = NULL
                WHERE (target LIKE ?1 OR location LIKE ?1) AND data_key_id IS NOT NULL
                RETURNING data_key_id""")
                .setParameter(1, pattern).getResultList();
        keys.forEach(cipher::shred);
        return keys.size();
    }

    /**
     * Deletes first results older than {@code cutoff} and their data keys, at most {@code batch} at a time.
     *
     * @return how many were deleted
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int purgeBefore(Instant cutoff, int batch) {
        @SuppressWarnings("unchecked")
        List<UUID> keys = entityManager.createNativeQuery("""
                WITH expired AS (
                    SELECT caller, idem_key FROM idempotent_request WHERE created_at < ?1 LIMIT ?2)
                DELETE FROM idempotent_request r USING expired e
                WHERE r.caller = e.caller AND r.idem_key = e.idem_key
                RETURNING r.data_key_id""")
                .setParameter(1, Timestamp.from(cutoff)).setParameter(2, batch).getResultList();
        List<UUID> withKeys = keys.stream().filter(k -> k != null).toList();
        if (!withKeys.isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM data_key WHERE id IN (?1)")
                    .setParameter(1, withKeys).executeUpdate();
        }
        return keys.size();
    }
}
