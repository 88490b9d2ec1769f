package org.arcc.common.idempotency;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs a POST that carries an {@code Idempotency-Key} in one transaction with its key: the key is taken
 * ({@link IdempotencyStore#claim}), the use case runs (its {@code @Transactional} methods join this
 * transaction), and a successful result is stored before the one commit. A crash anywhere before that commit
 * rolls everything back, key included, so a retry runs the request again; after it, a retry replays the
 * result. Never two results, never a key stuck "in progress".
 *
 * <p>The transaction starts at the resource method, not at the service, only for requests with a key: it is
 * infrastructure around the use case, like the outbox. On an exception the transaction commits unless the use
 * case marked it rollback-only, exactly as when the use case's own transaction ended (so the audit row of a
 * refused access, kept by {@code dontRollbackOn}, still commits).
 */
@IdempotentPost
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 150)
public class IdempotentPostInterceptor {

    @Inject
    PendingClaim pending;

    @Inject
    IdempotencyStore store;

    @Inject
    TransactionManager transactions;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object aroundPost(InvocationContext invocation) throws Exception {
        Optional<IdempotencyClaim> taken = pending.take();
        if (taken.isEmpty() || transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed();
        }
        IdempotencyClaim claim = taken.get();
        transactions.begin();
        Object result;
        try {
            Optional<StoredResult> first = store.claim(claim);
            if (first.isPresent()) {
                transactions.rollback();
                throw new IdempotentReplay(first.get());
            }
            result = invocation.proceed();
            StoredResult outcome = outcomeOf(result);
            if (outcome.status() >= 200 && outcome.status() < 300) {
                store.remember(claim, outcome);
            }
        } catch (IdempotentReplay replay) {
            throw replay;
        } catch (Exception | Error failure) {
            end();
            throw failure;
        }
        end();
        return result;
    }

    /** Commits unless the use case marked the transaction rollback-only; a failed commit throws its cause. */
    private void end() throws Exception {
        if (transactions.getStatus() == Status.STATUS_ACTIVE) {
            try {
                transactions.commit();
            } catch (RollbackException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        } else if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            transactions.rollback();
        }
    }

    private StoredResult outcomeOf(Object result) throws Exception {
        if (result instanceof Response response) {
            EntityTag tag = response.getEntityTag();
            return new StoredResult(response.getStatus(),
                    response.getLocation() == null ? null : response.getLocation().toString(),
                    tag == null ? null : tag.toString(),
                    response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null);
        }
        return result == null ? new StoredResult(204, null, null, null)
                : new StoredResult(200, null, null, json.writeValueAsString(result));
    }
}
