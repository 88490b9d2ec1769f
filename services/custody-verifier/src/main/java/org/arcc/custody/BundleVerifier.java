package org.arcc.custody;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a custody bundle offline, with nothing but the bundle, optionally the log's published key and
 * optionally an older checkpoint the checker already trusts. Every problem found names the entry at fault
 * (sequence, leaf index, action, time) so that a court can see exactly what failed.
 *
 * <p>What is checked, in order: the key; the checkpoint signature; every entry's hash and its inclusion in the
 * signed log; the per-item hash chain (sequence 1..k, no gaps, no duplicates, logged in order, each entry naming
 * its predecessor's hash); the item facts against the first entry; and, given an older trusted checkpoint, that
 * the log was only appended to since.
 */
public final class BundleVerifier {

    /** Item facts that the first custody entry's details record and the bundle's item summary must agree with. */
    static final List<String> ITEM_FACTS = List.of("kitNumber", "caseId", "type", "sealNumber");

    private BundleVerifier() {
    }

    public static VerificationResult verify(CustodyBundle bundle, PublicKey trustedKeyOrNull, Checkpoint knownCheckpointOrNull) {
        Run run = new Run(bundle);
        PublicKey key = run.checkKey(trustedKeyOrNull);
        run.checkCheckpoint(key);
        run.checkEntries();
        run.checkChain();
        run.checkItem();
        if (knownCheckpointOrNull != null) {
            run.checkAgainstKnown(knownCheckpointOrNull, key);
        } else if (bundle.consistency() != null) {
            run.checkClaimedConsistency();
        }
        boolean intact = run.findings.stream().noneMatch(f -> f.severity() == Severity.PROBLEM);
        return new VerificationResult(intact, run.findings, bundle.entries().size(), bundle.checkpoint());
    }

    private static final class Run {
        private final CustodyBundle bundle;
        private final Checkpoint checkpoint;
        private final List<Finding> findings = new ArrayList<>();
        // entry position in the bundle -> the hash the next entry's previousHash must name: the logged hash when
        // the recorded one is proven in the log (so one altered entry is reported once, not again as a broken
        // link), else the hash of the content as it stands; null if the content cannot be hashed
        private final byte[][] linkHash;

        Run(CustodyBundle bundle) {
            this.bundle = bundle;
            this.checkpoint = bundle.checkpoint();
            this.linkHash = new byte[bundle.entries().size()][];
        }

        PublicKey checkKey(PublicKey trusted) {
            PublicKey bundled;
            try {
                bundled = CheckpointKeys.publicKeyFromSpki(bundle.publicKeySpki());
            } catch (IllegalArgumentException e) {
                problem("the bundle's public key cannot be read: " + e.getMessage());
                return trusted;
            }
            String bundledId = CheckpointKeys.keyId(bundled);
            if (trusted != null) {
                if (!Arrays.equals(trusted.getEncoded(), bundled.getEncoded())) {
                    problem("the bundle's public key (key id " + bundledId + ") is not the trusted key (key id "
                            + CheckpointKeys.keyId(trusted) + "): the checkpoint was not signed by the log you trust");
                }
                return trusted;
            }
            warning("no trusted key was given: the key (key id " + bundledId + ") was taken from the bundle itself, so "
                    + "this only shows the bundle is consistent with itself. Compare the key id with the key ARCC "
                    + "publishes before relying on it");
            return bundled;
        }

        void checkCheckpoint(PublicKey key) {
            if (key == null) {
                problem("the checkpoint signature cannot be checked: there is no readable public key");
                return;
            }
            if (!CheckpointSigner.verify(checkpoint, key)) {
                problem("the checkpoint signature is not valid under key " + CheckpointKeys.keyId(key) + ": the signed "
                        + "statement (log " + checkpoint.origin() + ", size " + checkpoint.treeSize() + ", issued "
                        + checkpoint.issuedAt() + ") was not signed by this key or was changed after signing");
            }
            if (!checkpoint.keyId().equals(CheckpointKeys.keyId(key))) {
                warning("the checkpoint names key id " + checkpoint.keyId() + " but was checked with key "
                        + CheckpointKeys.keyId(key));
            }
        }

        void checkEntries() {
            if (bundle.entries().isEmpty()) {
                problem("the bundle holds no custody entries");
                return;
            }
            String itemId = bundle.item().get(CustodyEntries.ITEM_ID) instanceof String s ? s : null;
            byte[] root = checkpoint.rootHash();
            for (int i = 0; i < bundle.entries().size(); i++) {
                BundleEntry e = bundle.entries().get(i);
                String who = CustodyEntries.describe(e.entry(), e.leafIndex());
                byte[] recomputed;
                try {
                    recomputed = CustodyEntries.leafHash(e.entry());
                    linkHash[i] = recomputed;
                } catch (IllegalArgumentException ex) {
                    problem(e, who + ": its content cannot be hashed: " + ex.getMessage());
                    continue;
                }
                byte[] recorded = parseHash(e.leafHash());
                List<byte[]> proof = parseProof(e.inclusionProof());
                if (proof == null) {
                    problem(e, who + ": its inclusion proof is not a list of " + Hashes.LENGTH * 2 + "-digit hex hashes");
                    continue;
                }
                if (e.leafIndex() < 0 || e.leafIndex() >= checkpoint.treeSize()) {
                    problem(e, who + ": leaf " + e.leafIndex() + " is outside the signed log, which has "
                            + checkpoint.treeSize() + " entries (leaves 0.." + (checkpoint.treeSize() - 1) + ")");
                } else if (recorded == null || !MessageDigest.isEqual(recorded, recomputed)) {
                    boolean recordedIsLogged = recorded != null
                            && MerkleProofs.verifyInclusion(e.leafIndex(), checkpoint.treeSize(), recorded, proof, root);
                    if (recordedIsLogged) {
                        linkHash[i] = recorded;
                        problem(e, who + ": content does not match its recorded hash — altered after it was logged (the "
                                + "recorded hash " + e.leafHash() + " is in the signed log at leaf " + e.leafIndex()
                                + "; the content now hashes to " + Hashes.hex(recomputed) + ")");
                    } else {
                        problem(e, who + ": content does not match its recorded hash " + e.leafHash()
                                + " (it hashes to " + Hashes.hex(recomputed) + ")");
                        problem(e, who + " is not in the signed log at leaf " + e.leafIndex()
                                + " (its inclusion proof does not lead to the checkpoint root)");
                    }
                } else if (!MerkleProofs.verifyInclusion(e.leafIndex(), checkpoint.treeSize(), recomputed, proof, root)) {
                    problem(e, who + " is not in the signed log at leaf " + e.leafIndex()
                            + " (its inclusion proof does not lead to the checkpoint root)");
                }
                Object entryItem = e.entry().get(CustodyEntries.ITEM_ID);
                if (itemId != null && !itemId.equals(entryItem)) {
                    problem(e, who + ": belongs to item " + entryItem + ", not to this bundle's item " + itemId);
                }
            }
        }

        void checkChain() {
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < bundle.entries().size(); i++) {
                BundleEntry e = bundle.entries().get(i);
                if (sequenceOf(e) == null) {
                    problem(e, CustodyEntries.describe(e.entry(), e.leafIndex()) + ": has no whole-number sequence");
                } else {
                    positions.add(i);
                }
            }
            if (positions.isEmpty()) {
                return;
            }
            // Listed order: the bundle should list entries by sequence.
            for (int j = 1; j < positions.size(); j++) {
                BundleEntry before = bundle.entries().get(positions.get(j - 1));
                BundleEntry after = bundle.entries().get(positions.get(j));
                if (sequenceOf(after) < sequenceOf(before)) {
                    problem(after, describe(after) + " is listed after " + describe(before)
                            + ": the entries are out of sequence order");
                }
            }
            // Gaps and duplicates.
            TreeMap<Long, List<BundleEntry>> bySequence = new TreeMap<>();
            for (int position : positions) {
                BundleEntry e = bundle.entries().get(position);
                bySequence.computeIfAbsent(sequenceOf(e), s -> new ArrayList<>()).add(e);
            }
            for (Map.Entry<Long, List<BundleEntry>> s : bySequence.entrySet()) {
                if (s.getValue().size() > 1) {
                    StringBuilder leaves = new StringBuilder();
                    for (BundleEntry e : s.getValue()) {
                        leaves.append(leaves.length() == 0 ? "" : ", ").append(describe(e));
                    }
                    problem(s.getKey(), null, "entry sequence " + s.getKey() + " appears " + s.getValue().size()
                            + " times: " + leaves);
                }
            }
            long expected = 1;
            for (long sequence : bySequence.keySet()) {
                if (sequence < 1) {
                    problem(sequence, bySequence.get(sequence).get(0).leafIndex(), describe(bySequence.get(sequence).get(0))
                            + ": sequence numbers start at 1");
                    continue;
                }
                if (sequence > expected) {
                    String range = sequence - 1 == expected ? "entry sequence " + expected + " is missing"
                            : "entry sequences " + expected + " to " + (sequence - 1) + " are missing";
                    String between = expected == 1 ? " (before " + sequence + ")"
                            : " (between " + (expected - 1) + " and " + sequence + ")";
                    problem(expected, null, range + between);
                }
                expected = sequence + 1;
            }
            // Logged order and hash links, walking by sequence.
            Map<BundleEntry, Integer> positionOf = new IdentityHashMap<>(); // records compare by value; copies may repeat
            for (int position : positions) {
                positionOf.put(bundle.entries().get(position), position);
            }
            List<BundleEntry> ordered = new ArrayList<>();
            bySequence.values().forEach(ordered::addAll);
            for (int j = 0; j < ordered.size(); j++) {
                BundleEntry e = ordered.get(j);
                long sequence = sequenceOf(e);
                Object previousHash = e.entry().get(CustodyEntries.PREVIOUS_HASH);
                if (sequence == 1) {
                    if (e.entry().containsKey(CustodyEntries.PREVIOUS_HASH)) {
                        problem(e, describe(e) + ": the first entry of an item has no previous entry, yet it names "
                                + "previousHash " + previousHash);
                    }
                    continue;
                }
                if (j == 0) {
                    continue;
                }
                BundleEntry prior = ordered.get(j - 1);
                if (sequenceOf(prior) == sequence) {
                    continue; // duplicate, reported above
                }
                if (e.leafIndex() <= prior.leafIndex()) {
                    problem(e, describe(e) + " was logged at leaf " + e.leafIndex() + ", not after " + describe(prior)
                            + ": a later entry cannot have been logged before an earlier one (reordered)");
                }
                if (sequenceOf(prior) != sequence - 1) {
                    continue; // gap, reported above
                }
                byte[] priorHash = linkHash[positionOf.get(prior)];
                if (!(previousHash instanceof String)) {
                    problem(e, describe(e) + ": has no previousHash, so it is not linked to " + describe(prior));
                } else if (priorHash != null && !Hashes.hex(priorHash).equalsIgnoreCase((String) previousHash)) {
                    problem(e, describe(e) + ": its previousHash " + previousHash + " is not the hash of " + describe(prior)
                            + ", which is " + Hashes.hex(priorHash) + ": the chain is broken between them");
                }
            }
        }

        void checkItem() {
            Map<String, Object> item = bundle.item();
            if (!(item.get(CustodyEntries.ITEM_ID) instanceof String)) {
                problem("the bundle's item has no itemId");
            }
            BundleEntry first = bundle.entries().stream().filter(e -> Long.valueOf(1).equals(sequenceOf(e))).findFirst()
                    .orElse(null);
            if (first == null || !(first.entry().get(CustodyEntries.DETAILS) instanceof Map<?, ?> details)) {
                return;
            }
            for (String fact : ITEM_FACTS) {
                if (!details.containsKey(fact)) {
                    continue;
                }
                Object logged = details.get(fact);
                Object stated = item.get(fact);
                if (stated == null) {
                    warning(first, "the item summary does not state its " + fact + "; " + describe(first)
                            + " recorded it as " + logged);
                } else if (!stated.equals(logged)) {
                    problem(first, "the item summary says " + fact + " " + stated + " but " + describe(first)
                            + " recorded " + logged);
                }
            }
        }

        void checkAgainstKnown(Checkpoint known, PublicKey key) {
            String knownName = "the known checkpoint of " + known.issuedAt() + " (size " + known.treeSize() + ")";
            if (key == null || !CheckpointSigner.verify(known, key)) {
                problem(knownName + " does not carry a valid signature"
                        + (key == null ? "" : " under key " + CheckpointKeys.keyId(key)));
                return;
            }
            if (!known.origin().equals(checkpoint.origin())) {
                problem(knownName + " is of log " + known.origin() + ", the bundle is of log " + checkpoint.origin());
                return;
            }
            if (known.treeSize() > checkpoint.treeSize()) {
                problem("the bundle's checkpoint (size " + checkpoint.treeSize() + ", " + checkpoint.issuedAt()
                        + ") is older than " + knownName + ": the log was rolled back, or this bundle is stale");
                return;
            }
            if (known.treeSize() == checkpoint.treeSize()) {
                if (!MessageDigest.isEqual(known.rootHash(), checkpoint.rootHash())) {
                    problem("the log was rewritten since the checkpoint of " + known.issuedAt() + " (size "
                            + known.treeSize() + "): same size, different root");
                }
                return;
            }
            Consistency consistency = bundle.consistency();
            if (consistency == null) {
                problem("the bundle carries no consistency proof, so it cannot show the log was only appended to since "
                        + knownName);
                return;
            }
            if (consistency.fromTreeSize() != known.treeSize()) {
                problem("the bundle's consistency proof starts at size " + consistency.fromTreeSize() + ", not at "
                        + knownName + "; ask for a bundle proven from size " + known.treeSize());
                return;
            }
            byte[] claimed = parseHash(consistency.fromRootHash());
            List<byte[]> proof = parseProof(consistency.proof());
            boolean consistent = proof != null && MerkleProofs.verifyConsistency(known.treeSize(), checkpoint.treeSize(),
                    known.rootHash(), checkpoint.rootHash(), proof);
            if (!consistent || claimed == null || !MessageDigest.isEqual(claimed, known.rootHash())) {
                problem("the log was rewritten since the checkpoint of " + known.issuedAt() + " (size " + known.treeSize()
                        + "): " + (claimed != null && !MessageDigest.isEqual(claimed, known.rootHash())
                        ? "the server now says the root at size " + known.treeSize() + " was " + consistency.fromRootHash()
                        + ", the known checkpoint says " + Hashes.hex(known.rootHash())
                        : "the consistency proof to size " + checkpoint.treeSize() + " does not verify"));
            }
        }

        // Without a trusted older checkpoint the server's own claim proves little, but a claim that does not even
        // hold is worth saying.
        void checkClaimedConsistency() {
            Consistency consistency = bundle.consistency();
            byte[] claimed = parseHash(consistency.fromRootHash());
            List<byte[]> proof = parseProof(consistency.proof());
            if (claimed == null || proof == null || !MerkleProofs.verifyConsistency(consistency.fromTreeSize(),
                    checkpoint.treeSize(), claimed, checkpoint.rootHash(), proof)) {
                problem("the bundle's consistency proof from size " + consistency.fromTreeSize() + " (root "
                        + consistency.fromRootHash() + ") to size " + checkpoint.treeSize() + " does not verify");
            }
        }

        private static Long sequenceOf(BundleEntry e) {
            Object sequence = e.entry().get(CustodyEntries.SEQUENCE);
            return sequence instanceof Long l ? l : sequence instanceof Integer i ? Long.valueOf(i) : null;
        }

        private static String describe(BundleEntry e) {
            return CustodyEntries.describe(e.entry(), e.leafIndex());
        }

        private static byte[] parseHash(String hex) {
            try {
                byte[] hash = Hashes.unhex(hex);
                return hash.length == Hashes.LENGTH ? hash : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static List<byte[]> parseProof(List<String> hexes) {
            List<byte[]> proof = new ArrayList<>(hexes.size());
            for (String hex : hexes) {
                byte[] hash = parseHash(hex);
                if (hash == null) {
                    return null;
                }
                proof.add(hash);
            }
            return proof;
        }

        private void problem(String message) {
            findings.add(new Finding(Severity.PROBLEM, null, null, message));
        }

        private void problem(BundleEntry e, String message) {
            findings.add(new Finding(Severity.PROBLEM, sequenceOf(e), e.leafIndex(), message));
        }

        private void problem(Long sequence, Long leafIndex, String message) {
            findings.add(new Finding(Severity.PROBLEM, sequence, leafIndex, message));
        }

        private void warning(String message) {
            findings.add(new Finding(Severity.WARNING, null, null, message));
        }

        private void warning(BundleEntry e, String message) {
            findings.add(new Finding(Severity.WARNING, sequenceOf(e), e.leafIndex(), message));
        }
    }
}
