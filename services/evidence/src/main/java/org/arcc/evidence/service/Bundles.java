package org.arcc.evidence.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.arcc.custody.BundleEntry;
import org.arcc.custody.BundleVerifier;
import org.arcc.custody.Checkpoint;
import org.arcc.custody.CheckpointSigner;
import org.arcc.custody.CustodyEntries;
import org.arcc.custody.Consistency;
import org.arcc.custody.CustodyBundle;
import org.arcc.custody.CustodyReport;
import org.arcc.custody.Hashes;
import org.arcc.custody.MerkleProofs;
import org.arcc.custody.MerkleTree;
import org.arcc.custody.VerificationResult;
import org.arcc.evidence.domain.CustodyEntryRow;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.vocabulary.ProblemType;

/**
 * An item's custody bundle: its entries exactly as stored, an inclusion proof for each against a signed
 * checkpoint that covers them all, optionally a consistency proof from a checkpoint the reader already
 * trusts, and the public key. Everything the offline verifier needs, nothing about the survivor.
 */
@ApplicationScoped
public class Bundles {

    @Inject
    ItemAccess access;

    @Inject
    CustodyLog log;

    @Inject
    Checkpoints checkpoints;

    /** A refusal commits: the {@code LOG_INTEGRITY} anomalies it recorded must be published. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public CustodyBundle of(Caller caller, UUID itemId, Long knownTreeSize) {
        EvidenceItem item = access.visible(caller, itemId);
        List<CustodyEntryRow> rows = CustodyEntryRow.ofItem(item.id);
        long needed = rows.stream().mapToLong(r -> r.leafIndex + 1).max().orElse(0);
        Checkpoint checkpoint = checkpoints.latest();
        if (checkpoint == null || checkpoint.treeSize() < needed) {
            Checkpoints.Signing signing = checkpoints.signNow();
            if (!signing.signed()) {
                throw new ProblemException(ProblemType.CUSTODY_LOG_INTEGRITY, "The custody log failed its integrity check, so no checkpoint can be"
                        + " signed over this item's latest entries; the anomaly was published. " + String.join("; ",
                                signing.problems()));
            }
            checkpoint = signing.checkpoint();
        }
        long size = checkpoint.treeSize();
        DbNodeStore nodes = log.nodes();
        List<BundleEntry> entries = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        if (!CheckpointSigner.verify(checkpoint, checkpoints.publicKey())) {
            broken.add("the signed checkpoint of size " + size + " no longer carries a valid signature");
        }
        long expectedSequence = 1;
        for (CustodyEntryRow row : rows) {
            List<byte[]> proof;
            String problem;
            try {
                proof = MerkleTree.inclusionProof(row.leafIndex, size, nodes);
                problem = integrityProblem(item, row, expectedSequence, proof, checkpoint);
            } catch (IllegalStateException | IllegalArgumentException treeDamaged) {
                // A stored subtree deleted or no longer a hash: the tree itself was edited.
                proof = List.of();
                problem = "sequence " + row.sequence + " (leaf " + row.leafIndex + "): the stored Merkle tree is"
                        + " incomplete or unreadable on its path";
            }
            if (problem != null) {
                broken.add(problem);
                checkpoints.raiseLogIntegrity(item.id, row.sequence, row.leafIndex);
            }
            expectedSequence = row.sequence + 1;
            entries.add(new BundleEntry(row.leafIndex, row.leafHash, row.parsedEntry(),
                    proof.stream().map(Hashes::hex).toList()));
        }
        if (!broken.isEmpty()) {
            // Names entries by sequence and leaf only: the stored text is what someone changed, and may be anything.
            throw new ProblemException(ProblemType.CUSTODY_LOG_INTEGRITY, "This item's custody log no longer matches the"
                    + " signed log, so no bundle is served; a LOG_INTEGRITY anomaly was published. " + String.join("; ",
                            broken));
        }
        Consistency consistency = null;
        if (knownTreeSize != null) {
            if (knownTreeSize < 1 || knownTreeSize > size) {
                throw new ProblemException(ProblemType.VALIDATION,
                        "knownTreeSize must be between 1 and the current checkpoint's size " + size);
            }
            List<String> proof = MerkleTree.consistencyProof(knownTreeSize, size, nodes).stream().map(Hashes::hex)
                    .toList();
            consistency = new Consistency(knownTreeSize, Hashes.hex(MerkleTree.rootHash(knownTreeSize, nodes)), proof);
        }
        Map<String, Object> facts = itemFacts(item);
        if (!entries.isEmpty() && entries.get(0).entry().get("details") instanceof Map<?, ?> first
                && first.get("sealNumber") != null) {
            facts.put("sealNumber", first.get("sealNumber"));
        }
        return new CustodyBundle(facts, entries, checkpoint, consistency, checkpoints.publicKeySpki());
    }

    /**
     * What is wrong with one stored entry, or null: its text must still hash to its recorded leaf hash, that leaf
     * must be in the signed checkpoint's tree (an inclusion proof from the stored subtrees: O(log n) reads), the
     * text must be this item's, and sequences must follow each other (none deleted).
     */
    private static String integrityProblem(EvidenceItem item, CustodyEntryRow row, long expectedSequence,
            List<byte[]> proof, Checkpoint checkpoint) {
        String where = "sequence " + row.sequence + " (leaf " + row.leafIndex + ")";
        if (row.sequence != expectedSequence) {
            return expectedSequence == row.sequence - 1 ? "sequence " + expectedSequence + " is missing"
                    : "sequences " + expectedSequence + " to " + (row.sequence - 1) + " are missing";
        }
        Map<String, Object> entry = row.parsedEntry();
        if (entry.containsKey("unreadableStoredEntry")) {
            return where + ": the stored entry is no longer readable";
        }
        byte[] recomputed = CustodyEntries.leafHash(entry);
        if (!Hashes.hex(recomputed).equals(row.leafHash)) {
            return where + ": the stored entry no longer matches the hash it was logged with";
        }
        if (!MerkleProofs.verifyInclusion(row.leafIndex, checkpoint.treeSize(), recomputed, proof, checkpoint.rootHash())) {
            return where + ": the entry is not in the signed log at its leaf";
        }
        if (!item.id.toString().equals(entry.get(CustodyEntries.ITEM_ID))
                || !Long.valueOf(row.sequence).equals(asLong(entry.get(CustodyEntries.SEQUENCE)))) {
            return where + ": the stored entry belongs to another item or position";
        }
        return null;
    }

    private static Long asLong(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    /** The court's report: the bundle verified with the service's own key, rendered for a reader. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public String report(Caller caller, UUID itemId) {
        CustodyBundle bundle = of(caller, itemId, null);
        VerificationResult result = BundleVerifier.verify(bundle, checkpoints.publicKey(), null);
        return CustodyReport.render(bundle, result);
    }

    private static Map<String, Object> itemFacts(EvidenceItem item) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("itemId", item.id.toString());
        facts.put("kitNumber", item.kitNumber);
        facts.put("caseId", item.caseId.toString());
        facts.put("type", item.type.name());
        facts.put("owningCell", item.cellCode);
        return facts;
    }
}
