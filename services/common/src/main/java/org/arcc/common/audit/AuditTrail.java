package org.arcc.common.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;
import org.arcc.common.outbox.OutboxSettings;
import org.arcc.common.request.CurrentRequest;
import org.arcc.contracts.audit.AccessAudited;
import org.arcc.contracts.audit.CrossCellAccessAlerted;

/**
 * Appends to the service's hash-chained audit trail and publishes each row on {@code arcc.audit.v1} through
 * the outbox. A success is recorded in the use case's own transaction, so a change and its audit row commit
 * together or not at all.
 *
 * <p>The trail is {@value AuditChain#CHAINS} hash chains; a row goes to the chain its resource id picks
 * ({@link AuditChain#chainOf}). Appends to one chain are serialised by a row lock on that chain's head, held
 * until the transaction commits, so appends about one record are strictly ordered while appends about
 * different records rarely wait for each other. Record the audit as the last step of a use case all the same.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    OutboxSettings outboxSettings;

    /** Records an access; returns the row's number in the trail ({@code seq}). */
    @Transactional(Transactional.TxType.REQUIRED)
    public long record(AuditEntry entry) {
        int chain = AuditChain.chainOf(entry.resourceId());
        Object[] head = (Object[]) entityManager
                .createNativeQuery("SELECT last_position, last_hash FROM audit_chain_head WHERE id = ?1 FOR UPDATE")
                .setParameter(1, chain)
                .getSingleResult();
        long position = ((Number) head[0]).longValue() + 1;
        String prevHash = ((String) head[1]).trim();
        Instant now = AuditChain.truncate(Instant.now());
        CurrentRequest.Context request = CurrentRequest.current();
        String roles = String.join(",", entry.caller().platformRoles());
        String actorCell = entry.caller().cell().orElse(null);
        String reason = entry.scope().overrideReason().orElse(null);
        String hash = AuditChain.hash(prevHash, position, now, entry.caller().subject(), roles, actorCell,
                entry.action().name(), entry.resourceType(), entry.resourceId(), entry.resourceCell(), entry.purpose(),
                reason, request.requestId(), entry.outcome().name());

        // seq comes from a sequence while the chain is locked, so within a chain it follows the positions. The row
        // and the chain's new head go in one statement: the chain stays locked one round trip less (issue 17).
        long seq = ((Number) entityManager.createNativeQuery("""
                WITH moved AS (
                    UPDATE audit_chain_head SET last_position = ?17, last_hash = ?18 WHERE id = ?19)
                INSERT INTO audit_record (chain, position, occurred_at, actor, actor_roles, actor_cell, action,
                    resource_type, resource_id, resource_cell, purpose, reason, request_id, outcome, prev_hash, hash)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
                RETURNING seq""")
                .setParameter(1, chain).setParameter(2, position).setParameter(3, Timestamp.from(now))
                .setParameter(4, entry.caller().subject()).setParameter(5, roles).setParameter(6, actorCell)
                .setParameter(7, entry.action().name()).setParameter(8, entry.resourceType())
                .setParameter(9, entry.resourceId()).setParameter(10, entry.resourceCell())
                .setParameter(11, entry.purpose()).setParameter(12, reason).setParameter(13, request.requestId())
                .setParameter(14, entry.outcome().name()).setParameter(15, prevHash).setParameter(16, hash)
                .setParameter(17, position).setParameter(18, hash).setParameter(19, chain)
                .getSingleResult()).longValue();

        outbox.record(AccessAudited.TYPE, entry.resourceId(), new AccessAudited(outboxSettings.source(), seq,
                entry.caller().subject(), roles, actorCell, entry.action().name(), entry.resourceType(),
                entry.resourceId(), entry.resourceCell(), entry.purpose(), entry.outcome().name(),
                request.requestId(), now, hash));
        if (entry.scope().isOverride() && entry.resourceCell() != null && entry.outcome() == AuditOutcome.SUCCESS) {
            outbox.record(CrossCellAccessAlerted.TYPE, entry.resourceId(), new CrossCellAccessAlerted(
                    outboxSettings.source(), seq, entry.caller().subject(), entry.resourceType(), entry.resourceId(),
                    entry.resourceCell(), entry.action().name(), now));
        }
        return seq;
    }

    /** One row of an access history, for supervisors. */
    public record AccessRecord(long seq, Instant at, String actor, String actorRoles, String actorCell, String action,
            String resourceType, String purpose, String reason, String outcome, String requestId) {
    }

    /** Every recorded access to a resource (and its sub-resources, which share its id), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccessRecord> history(String resourceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT seq, occurred_at, actor, actor_roles, actor_cell, action, resource_type, purpose, reason,
                       outcome, request_id
                FROM audit_record WHERE resource_id = ?1 ORDER BY seq""")
                .setParameter(1, resourceId).getResultList();
        return rows.stream().map(r -> new AccessRecord(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                (String) r[9], (String) r[10])).toList();
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

}
