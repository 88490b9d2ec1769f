package org.arcc.common.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/** Remembers which events each consumer has applied; see {@code db/common/V0_2__inbox.sql}. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /**
     * Claims an event for a consumer in the current transaction.
     *
     * @return true the first time, false when the consumer already applied it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(String consumer, UUID eventId) {
        return entityManager.createNativeQuery("""
                INSERT INTO inbox_event (consumer, event_id, received_at) VALUES (?1, ?2, now())
                ON CONFLICT (consumer, event_id) DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    /**
     * Claims a batch of events for a consumer in the current transaction, in one statement.
     *
     * @return the ids claimed now: those the consumer had not applied before (each once, however often it is in
     *         {@code eventIds})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> claimAll(String consumer, List<UUID> eventIds) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO inbox_event (consumer, event_id, received_at)
                    SELECT ?, id, now() FROM unnest(?::uuid[]) AS id
                    ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
                Set<UUID> claimed = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getObject(1, UUID.class));
                    }
                }
                return claimed;
            }
        });
    }

    /** Forgets everything a consumer applied, so a replay applies it all again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String consumer) {
        return entityManager.createNativeQuery("DELETE FROM inbox_event WHERE consumer = ?1")
                .setParameter(1, consumer)
                .executeUpdate();
    }

    /**
     * Forgets events applied before {@code cutoff}, at most {@code batch} of them. Only safe for events that
     * can no longer be redelivered: keep {@code arcc.retention.inbox} longer than any redelivery (uncommitted
     * offsets are redelivered within minutes; a replay forgets the consumer's inbox anyway).
     *
     * @return how many were forgotten
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int purgeBefore(Instant cutoff, int batch) {
        return entityManager.createNativeQuery("""
                DELETE FROM inbox_event WHERE ctid IN (
                    SELECT ctid FROM inbox_event WHERE received_at < ?1 LIMIT ?2)""")
                .setParameter(1, Timestamp.from(cutoff))
                .setParameter(2, batch)
                .executeUpdate();
    }
}
