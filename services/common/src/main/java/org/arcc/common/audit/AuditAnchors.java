package org.arcc.common.audit;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;
import org.arcc.common.outbox.OutboxSettings;
import org.arcc.contracts.audit.AuditHeadsSigned;
import org.arcc.contracts.audit.AuditHeadsSigned.ChainHead;
import org.arcc.custody.CheckpointKeys;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Anchors the audit trail outside its database, the way custody checkpoints anchor the custody log: every
 * {@code arcc.audit.anchor-interval}, if any chain moved, the heads of all chains are read in one snapshot,
 * signed with this service's Ed25519 anchor key, stored here and published as {@code arcc.audit.heads-signed.v1}
 * for another service to keep. Keeps the anchors of the configured peers in turn, once their signature checks.
 */
@ApplicationScoped
public class AuditAnchors {

    private static final Logger LOG = Logger.getLogger(AuditAnchors.class);
    /** Serialises anchoring across instances of a service (pg_advisory_xact_lock key). */
    private static final long ANCHOR_LOCK = 0x4155444954L;

    @Inject
    AuditSettings settings;

    @Inject
    OutboxSettings outboxSettings;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    private PrivateKey key;
    private PublicKey publicKey;
    private final Map<String, PublicKey> peers = new HashMap<>();

    @PostConstruct
    void loadKeys() {
        key = CheckpointKeys.privateKeyFromPkcs8(settings.anchorKey());
        publicKey = CheckpointKeys.publicKeyFromSpki(settings.anchorPublicKey());
        AuditAnchor probe = AuditAnchor.sign(source(), Instant.EPOCH, List.of(), key, publicKey);
        if (!probe.signedBy(publicKey)) {
            throw new IllegalStateException("arcc.audit.anchor-public-key does not match arcc.audit.anchor-key");
        }
        settings.peers().values().forEach(p -> peers.put(p.source(), CheckpointKeys.publicKeyFromSpki(p.publicKey())));
    }

    /** Whose trail this service signs: its CloudEvents source, e.g. {@code /arcc/cases}. */
    public String source() {
        return outboxSettings.source();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The anchor key of a source: this service's own, or a configured peer's. */
    public Optional<PublicKey> keyOf(String source) {
        return source().equals(source) ? Optional.of(publicKey) : Optional.ofNullable(peers.get(source));
    }

    @Scheduled(every = "{arcc.audit.anchor-interval}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            anchorNow();
        } catch (RuntimeException e) {
            LOG.warnf("Audit chain heads not signed this time: %s", e.getClass().getSimpleName());
        }
    }

    /** Signs, stores and publishes the chain heads if they moved since the last anchor; empty if they did not. */
    @Transactional
    public Optional<AuditAnchor> anchorNow() {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1)) locked")
                .setParameter(1, ANCHOR_LOCK).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT id, last_position, last_hash FROM audit_chain_head ORDER BY id").getResultList();
        List<ChainHead> heads = rows.stream().map(r -> new ChainHead(((Number) r[0]).intValue(),
                ((Number) r[1]).longValue(), ((String) r[2]).trim())).toList();
        @SuppressWarnings("unchecked")
        List<String> last = em.createNativeQuery(
                "SELECT heads FROM audit_anchor WHERE source = ?1 ORDER BY id DESC LIMIT 1")
                .setParameter(1, source()).getResultList();
        AuditAnchor anchor = AuditAnchor.sign(source(), clock.instant(), heads, key, publicKey);
        if (!last.isEmpty() && last.get(0).equals(anchor.headsText())) {
            return Optional.empty();
        }
        insert(anchor);
        outbox.record(AuditHeadsSigned.TYPE, source(), anchor.toEvent());
        return Optional.of(anchor);
    }

    /**
     * Keeps a peer's anchor (in the consumer's transaction). Anchors of sources that are not configured peers are
     * not this service's to keep; one whose signature does not verify under the peer's key is refused and logged.
     *
     * @return whether it is kept
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean keep(AuditHeadsSigned event) {
        PublicKey peerKey = event.source() == null || source().equals(event.source()) ? null : peers.get(event.source());
        if (peerKey == null) {
            return false;
        }
        AuditAnchor anchor;
        try {
            anchor = AuditAnchor.of(event);
        } catch (RuntimeException unreadable) {
            LOG.errorf("Refused audit heads claiming to come from %s: unreadable", event.source());
            return false;
        }
        if (!anchor.signedBy(peerKey)) {
            LOG.errorf("Refused audit heads claiming to come from %s (key %s): the signature does not verify under"
                    + " its configured key", event.source(), event.keyId());
            return false;
        }
        insert(anchor);
        return true;
    }

    /** The newest anchors held here for {@code source} (this service's own, or a peer's), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditAnchor> held(String source, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT source, signed_at, key_id, heads, signature FROM audit_anchor
                WHERE source = ?1 ORDER BY id DESC LIMIT ?2""")
                .setParameter(1, source).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new AuditAnchor((String) r[0], AuditTrail.toInstant(r[1]), ((String) r[2]).trim(),
                AuditAnchor.parseHeads((String) r[3]), Base64.getDecoder().decode((String) r[4]))).toList();
    }

    /** The same, read through a connection (the verifier's snapshot). */
    List<AuditAnchor> stored(Connection c, String source, int limit) throws SQLException {
        List<AuditAnchor> anchors = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT source, signed_at, key_id, heads, signature FROM audit_anchor
                WHERE source = ? ORDER BY id DESC LIMIT ?""")) {
            s.setString(1, source);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    anchors.add(new AuditAnchor(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3).trim(),
                            AuditAnchor.parseHeads(rs.getString(4)), Base64.getDecoder().decode(rs.getString(5))));
                }
            }
        }
        return anchors;
    }

    private void insert(AuditAnchor anchor) {
        em.createNativeQuery("""
                INSERT INTO audit_anchor (source, signed_at, key_id, heads, signature) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT ON CONSTRAINT audit_anchor_once DO NOTHING""")
                .setParameter(1, anchor.source()).setParameter(2, Timestamp.from(anchor.signedAt()))
                .setParameter(3, anchor.keyId()).setParameter(4, anchor.headsText())
                .setParameter(5, anchor.signatureBase64()).executeUpdate();
    }
}
