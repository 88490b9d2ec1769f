package org.arcc.evidence.service;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;
import org.arcc.contracts.evidence.CheckpointPublished;
import org.arcc.contracts.evidence.CustodyAnomalyRaised;
import org.arcc.custody.CanonicalJson;
import org.arcc.custody.Checkpoint;
import org.arcc.custody.CheckpointKeys;
import org.arcc.custody.CheckpointSigner;
import org.arcc.custody.CustodyEntries;
import org.arcc.custody.Hashes;
import org.arcc.custody.MerkleTree;
import org.arcc.evidence.config.EvidenceSettings;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.evidence.domain.SignedCheckpointRow;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Signs checkpoints of the custody Merkle tree. Before signing, it re-derives the whole tree from the stored
 * entries and checks it against the stored tree and the last signed checkpoint: a log someone rewrote in the
 * database is never signed, the rewritten leaves are published as {@code LOG_INTEGRITY} anomalies, and
 * every later checkpoint is refused until it is repaired (journey 5).
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    /** Outcome of a signing attempt: a checkpoint covering the log, or the leaves that failed the check. */
    public record Signing(Checkpoint checkpoint, List<String> problems) {
        public boolean signed() {
            return checkpoint != null;
        }
    }

    @Inject
    EvidenceSettings settings;

    @Inject
    CustodyLog log;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    CustodyLogMetrics metrics;

    private CheckpointSigner signer;
    private PublicKey publicKey;
    private final Set<Long> reportedLeaves = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void loadKey() {
        PrivateKey privateKey = CheckpointKeys.privateKeyFromPkcs8(settings.checkpointKey());
        publicKey = CheckpointKeys.publicKeyFromSpki(settings.checkpointPublicKey());
        signer = new CheckpointSigner(settings.checkpointOrigin(), privateKey, publicKey);
        Checkpoint probe = signer.sign(0, Hashes.leafHash(new byte[0]), Instant.EPOCH);
        if (!CheckpointSigner.verify(probe, publicKey)) {
            throw new IllegalStateException("arcc.evidence.checkpoint-public-key does not match arcc.evidence.checkpoint-key");
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeySpki() {
        return CheckpointKeys.spkiBase64(publicKey);
    }

    /** Signs and publishes a checkpoint when the log grew since the last one. */
    @Scheduled(every = "{arcc.evidence.checkpoint-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publish() {
        try {
            Signing signing = signNow();
            if (!signing.signed()) {
                LOG.errorf("Custody log failed its integrity check; no checkpoint signed: %s", signing.problems());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Custody checkpoint not signed this time: %s", e.getMessage());
        }
    }

    /** RFC 9162 consistency proof between two tree sizes, as hex hashes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> consistencyProof(long from, long to) {
        return MerkleTree.consistencyProof(from, to, log.nodes()).stream().map(Hashes::hex).toList();
    }

    /** The latest signed checkpoint, or null before the first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Checkpoint latest() {
        SignedCheckpointRow row = SignedCheckpointRow.latest();
        return row == null ? null : toCheckpoint(row);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Checkpoint ofSize(long treeSize) {
        SignedCheckpointRow row = SignedCheckpointRow.findById(treeSize);
        return row == null ? null : toCheckpoint(row);
    }

    /**
     * A checkpoint over the whole log as it is now: the latest one if the log has not grown, else a new one,
     * signed only if the log passes its integrity check.
     */
    @Transactional
    public Signing signNow() {
        long size = log.lockHead();
        SignedCheckpointRow last = SignedCheckpointRow.latest();
        if (last != null && last.treeSize == size) {
            return new Signing(toCheckpoint(last), List.of());
        }
        List<String> problems = check(size, last);
        metrics.checked(problems.isEmpty());
        if (!problems.isEmpty()) {
            return new Signing(null, problems);
        }
        byte[] root = MerkleTree.rootHash(size, log.nodes());
        Checkpoint checkpoint = signer.sign(size, root, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        SignedCheckpointRow row = new SignedCheckpointRow();
        row.treeSize = size;
        row.rootHash = Hashes.hex(root);
        row.issuedAt = checkpoint.issuedAt();
        row.keyId = checkpoint.keyId();
        row.signature = Base64.getEncoder().encodeToString(checkpoint.signature());
        row.persist();
        outbox.record(CheckpointPublished.TYPE, "custody-log", new CheckpointPublished(checkpoint.origin(), size,
                row.rootHash, checkpoint.issuedAt(), checkpoint.keyId(), row.signature));
        return new Signing(checkpoint, List.of());
    }

    /**
     * Re-derives every leaf from its stored entry and the tree from the leaves; compares them with the stored
     * leaf hashes, the stored tree and the last signed checkpoint. Returns what does not match.
     */
    private List<String> check(long size, SignedCheckpointRow last) {
        List<String> problems = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>((int) size);
        DbNodeStore nodes = log.nodes();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT leaf_index, item_id, sequence, entry, leaf_hash FROM custody_entry ORDER BY leaf_index")
                .getResultList();
        long expected = 0;
        for (Object[] r : rows) {
            long leafIndex = ((Number) r[0]).longValue();
            String where = "leaf " + leafIndex + " (item " + r[1] + ", sequence " + r[2] + ")";
            if (leafIndex != expected) {
                problems.add("leaves " + expected + ".." + (leafIndex - 1) + " are missing from the log");
                raise(null, null, expected);
                expected = leafIndex;
            }
            byte[] recomputed;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> entry = (Map<String, Object>) CanonicalJson.parse((String) r[3]);
                recomputed = CustodyEntries.leafHash(entry);
            } catch (RuntimeException unreadable) {
                recomputed = Hashes.leafHash(((String) r[3]).getBytes(StandardCharsets.UTF_8));
            }
            byte[] stored = nodes.node(0, leafIndex);
            if (!Hashes.hex(recomputed).equals(r[4]) || stored == null || !Arrays.equals(recomputed, stored)) {
                problems.add(where + ": entry no longer matches the hash it was logged with");
                raise((UUID) r[1], ((Number) r[2]).longValue(), leafIndex);
            }
            leaves.add(recomputed);
            expected++;
        }
        if (expected != size) {
            problems.add("the log head says " + size + " entries, the table holds " + expected);
        }
        if (problems.isEmpty() && size > 0
                && !Arrays.equals(MerkleTree.rootOf(leaves), MerkleTree.rootHash(size, nodes))) {
            problems.add("the stored Merkle tree does not match the entries");
        }
        if (problems.isEmpty() && last != null) {
            Checkpoint previous = toCheckpoint(last);
            if (!CheckpointSigner.verify(previous, publicKey)) {
                problems.add("the last checkpoint (size " + last.treeSize + ") no longer carries a valid signature");
            } else if (!Arrays.equals(MerkleTree.rootOf(leaves.subList(0, (int) last.treeSize)), previous.rootHash())) {
                problems.add("the first " + last.treeSize + " entries no longer match the checkpoint of "
                        + last.issuedAt + ": the next checkpoint cannot be made consistent with it");
            }
        }
        return problems;
    }

    /** A stored entry found not to match the signed log outside signing (a bundle check): published once per leaf. */
    @Transactional(Transactional.TxType.MANDATORY)
    void raiseLogIntegrity(UUID itemId, long sequence, long leafIndex) {
        raise(itemId, sequence, leafIndex);
    }

    private void raise(UUID itemId, Long sequence, long leafIndex) {
        if (!reportedLeaves.add(leafIndex)) {
            return;
        }
        EvidenceItem item = itemId == null ? null : EvidenceItem.findById(itemId);
        outbox.record(CustodyAnomalyRaised.TYPE, itemId == null ? "custody-log" : itemId.toString(),
                new CustodyAnomalyRaised(itemId, item == null ? null : item.caseId, item == null ? null : item.cellCode,
                        "LOG_INTEGRITY", sequence, leafIndex, clock.instant()));
    }

    private Checkpoint toCheckpoint(SignedCheckpointRow row) {
        return new Checkpoint(settings.checkpointOrigin(), row.treeSize, Hashes.unhex(row.rootHash), row.issuedAt,
                row.keyId, Base64.getDecoder().decode(row.signature));
    }
}
