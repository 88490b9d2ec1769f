package org.arcc.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kit A of the sample case has nine entries at leaves 0, 2, 4, 6, 7, 9, 11, 12, 13 of a 14-leaf log:
 * 1 COLLECTED, 2 SEALED, 3 TRANSFERRED, 4 RECEIVED, 5 STORED, 6 SUBMITTED_TO_LAB, 7 ANALYSED, 8 RETURNED,
 * 9 PRODUCED_IN_COURT.
 */
@Tag("unit")
class BundleVerifierTest {

    private final TestLog log = TestLog.sampleCase();
    private final CustodyBundle bundle = log.bundle(TestLog.KIT_A);

    @Test
    void anUntouchedBundleIsIntactWithOnlyTheUntrustedKeyWarning() {
        VerificationResult result = BundleVerifier.verify(bundle, null, null);

        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(9);
        assertThat(bundle.entries()).extracting(BundleEntry::leafIndex).containsExactly(0L, 2L, 4L, 6L, 7L, 9L, 11L, 12L, 13L);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("taken from the bundle itself").contains(CheckpointKeys.keyId(log.keys.getPublic()));
        });
    }

    @Test
    void withTheTrustedKeyAnUntouchedBundleHasNoFindingsAtAll() {
        VerificationResult result = BundleVerifier.verify(bundle, log.keys.getPublic(), null);
        assertThat(result.intact()).isTrue();
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void oneChangedCharacterInAnEntryIsNamedAsAlteredAfterLogging() {
        String logged = (String) bundle.entries().get(2).entry().get("recordedAt");
        assertThat(logged).isEqualTo("2026-03-02T12:25:00Z");
        CustodyBundle tampered = withEntry(bundle, 3, entry -> {
            entry.put("recordedAt", "2026-03-02T12:26:00Z"); // one character: a minute later
            return entry;
        });
        VerificationResult result = BundleVerifier.verify(tampered, log.keys.getPublic(), null);

        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(f -> {
            assertThat(f.sequence()).isEqualTo(3L);
            assertThat(f.leafIndex()).isEqualTo(4L);
            assertThat(f.message()).startsWith("entry sequence 3 (leaf 4, TRANSFERRED at 2026-03-02T12:26:00Z): ")
                    .contains("content does not match its recorded hash — altered after it was logged");
        });
    }

    @Test
    void aDeletedEntryIsNamedByItsMissingSequence() {
        List<BundleEntry> entries = new ArrayList<>(bundle.entries());
        entries.remove(2); // sequence 3
        VerificationResult result = BundleVerifier.verify(withEntries(bundle, entries), log.keys.getPublic(), null);

        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).extracting(Finding::message).containsExactly("entry sequence 3 is missing (between 2 and 4)");
        assertThat(result.problems().get(0).sequence()).isEqualTo(3L);
    }

    @Test
    void deletedFirstEntriesAndRunsOfEntriesAreNamedToo() {
        List<BundleEntry> entries = new ArrayList<>(bundle.entries());
        entries.remove(6); // 7
        entries.remove(5); // 6
        entries.remove(4); // 5
        entries.remove(0); // 1
        VerificationResult result = BundleVerifier.verify(withEntries(bundle, entries), log.keys.getPublic(), null);

        assertThat(result.problems()).extracting(Finding::message).containsExactly(
                "entry sequence 1 is missing (before 2)",
                "entry sequences 5 to 7 are missing (between 4 and 8)");
    }

    @Test
    void twoSwappedEntriesAreNamedAsOutOfOrder() {
        List<BundleEntry> entries = new ArrayList<>(bundle.entries());
        BundleEntry fourth = entries.get(3);
        entries.set(3, entries.get(4));
        entries.set(4, fourth);
        VerificationResult result = BundleVerifier.verify(withEntries(bundle, entries), log.keys.getPublic(), null);

        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(f -> {
            assertThat(f.sequence()).isEqualTo(4L);
            assertThat(f.message()).startsWith("entry sequence 4 (leaf 6, RECEIVED at ")
                    .contains("is listed after entry sequence 5 (leaf 7, STORED at ").endsWith("out of sequence order");
        });
    }

    @Test
    void entriesWhoseSequenceNumbersWereSwappedAreBothAltered() {
        CustodyBundle tampered = withEntryAtLeaf(withEntryAtLeaf(bundle, 6, e -> {
            e.put("sequence", 5L);
            return e;
        }), 7, e -> {
            e.put("sequence", 4L);
            return e;
        });
        VerificationResult result = BundleVerifier.verify(tampered, log.keys.getPublic(), null);

        assertThat(result.problems()).extracting(Finding::leafIndex).contains(6L, 7L);
        assertThat(result.problems()).extracting(Finding::message).anyMatch(m -> m.startsWith("entry sequence 5 (leaf 6, RECEIVED")
                && m.contains("altered after it was logged"));
    }

    @Test
    void anEntryRewrittenWithAFreshHashIsNotInTheSignedLog() {
        CustodyBundle tampered = rehashed(withEntry(bundle, 4, entry -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) entry.get("details");
            details.put("sealIntact", "no");
            return entry;
        }), 4);
        VerificationResult result = BundleVerifier.verify(tampered, log.keys.getPublic(), null);

        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("entry sequence 4 (leaf 6, RECEIVED at ") && m.contains("is not in the signed log at leaf 6"))
                .anyMatch(m -> m.startsWith("entry sequence 5 (leaf 7, STORED at ")
                        && m.contains("is not the hash of entry sequence 4 (leaf 6, RECEIVED at "));
        assertThat(result.problems()).extracting(Finding::leafIndex).containsOnly(6L, 7L);
    }

    @Test
    void aForgedCheckpointSignatureIsAProblem() {
        Checkpoint cp = bundle.checkpoint();
        Checkpoint forged = new Checkpoint(cp.origin(), cp.treeSize(), cp.rootHash(), cp.issuedAt(), cp.keyId(),
                MerkleTreeTest.flipBit(cp.signature(), 17));
        VerificationResult result = BundleVerifier.verify(withCheckpoint(bundle, forged), null, null);

        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).singleElement().extracting(Finding::message).asString()
                .startsWith("the checkpoint signature is not valid under key " + cp.keyId());
    }

    @Test
    void aLogRebuiltAndReSignedWithAnotherKeyFailsOnlyAgainstTheTrustedKey() {
        // The whole log rebuilt with a different collection time and signed with the forger's own key: the
        // bundle is consistent with itself, so only the published key can expose it.
        TestLog forgery = TestLog.sampleCase(new TestLog(CheckpointKeys.generate(), Instant.parse("2026-03-01T08:30:00Z")));
        CustodyBundle forged = forgery.bundle(TestLog.KIT_A);

        VerificationResult selfConsistent = BundleVerifier.verify(forged, null, null);
        assertThat(selfConsistent.intact()).isTrue();
        assertThat(selfConsistent.warnings()).singleElement().extracting(Finding::message).asString()
                .contains(CheckpointKeys.keyId(forgery.keys.getPublic()));

        VerificationResult againstPublished = BundleVerifier.verify(forged, log.keys.getPublic(), null);
        assertThat(againstPublished.intact()).isFalse();
        assertThat(againstPublished.problems()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("the bundle's public key (key id " + CheckpointKeys.keyId(forgery.keys.getPublic())
                        + ") is not the trusted key (key id " + CheckpointKeys.keyId(log.keys.getPublic()) + ")"))
                .anyMatch(m -> m.startsWith("the checkpoint signature is not valid under key " + CheckpointKeys.keyId(log.keys.getPublic())));
    }

    @Test
    void aWrongTrustedKeyIsAProblem() {
        KeyPair other = CheckpointKeys.generate();
        VerificationResult result = BundleVerifier.verify(bundle, other.getPublic(), null);
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).extracting(Finding::message).anyMatch(m -> m.contains("is not the trusted key"));
    }

    @Test
    void anUnreadablePublicKeyIsAProblem() {
        CustodyBundle broken = new CustodyBundle(bundle.item(), bundle.entries(), bundle.checkpoint(), null, "bm90IGEga2V5");
        VerificationResult result = BundleVerifier.verify(broken, null, null);
        assertThat(result.problems()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("the bundle's public key cannot be read"))
                .anyMatch(m -> m.startsWith("the checkpoint signature cannot be checked"));
    }

    @Test
    void aKnownOlderCheckpointOfTheSameLogPasses() {
        Checkpoint known = log.signer.sign(8, MerkleTree.rootHash(8, log.store), Instant.parse("2026-03-02T15:00:00Z"));
        CustodyBundle withProof = log.bundle(TestLog.KIT_A, log.checkpoint(), known);

        VerificationResult result = BundleVerifier.verify(withProof, log.keys.getPublic(), known);
        assertThat(result.intact()).isTrue();
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aKnownCheckpointOfTheSameSizeAndRootPassesWithoutAProof() {
        Checkpoint known = bundle.checkpoint();
        assertThat(BundleVerifier.verify(bundle, log.keys.getPublic(), known).findings()).isEmpty();
    }

    @Test
    void aLogRewrittenSinceAKnownCheckpointIsCaught() {
        // The operator (same key) rebuilds the log with different history and serves proofs from the new one.
        Checkpoint known = log.signer.sign(8, MerkleTree.rootHash(8, log.store), Instant.parse("2026-03-02T15:00:00Z"));
        TestLog rewritten = TestLog.sampleCase(new TestLog(log.keys, Instant.parse("2026-03-02T08:31:00Z")));
        Checkpoint rewrittenAt8 = rewritten.signer.sign(8, MerkleTree.rootHash(8, rewritten.store), known.issuedAt());
        CustodyBundle served = rewritten.bundle(TestLog.KIT_A, rewritten.checkpoint(), rewrittenAt8);

        assertThat(BundleVerifier.verify(served, log.keys.getPublic(), null).intact()).as("fine on its own").isTrue();
        VerificationResult result = BundleVerifier.verify(served, log.keys.getPublic(), known);
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).singleElement().extracting(Finding::message).asString()
                .startsWith("the log was rewritten since the checkpoint of 2026-03-02T15:00:00Z (size 8): the server now says "
                        + "the root at size 8 was " + Hashes.hex(rewrittenAt8.rootHash()));

        // Claiming the known root does not help: the proof then does not lead from it to the new root.
        CustodyBundle lying = withConsistency(served, new Consistency(8, Hashes.hex(known.rootHash()), served.consistency().proof()));
        assertThat(BundleVerifier.verify(lying, log.keys.getPublic(), known).problems()).singleElement().extracting(Finding::message)
                .asString().isEqualTo("the log was rewritten since the checkpoint of 2026-03-02T15:00:00Z (size 8): the "
                        + "consistency proof to size 14 does not verify");
    }

    @Test
    void aKnownCheckpointNewerThanTheBundleIsARollback() {
        Checkpoint old = log.checkpoint();
        CustodyBundle stale = log.bundle(TestLog.KIT_A, old, null);
        log.filler(5);
        Checkpoint newer = log.checkpoint();

        VerificationResult result = BundleVerifier.verify(stale, log.keys.getPublic(), newer);
        assertThat(result.problems()).singleElement().extracting(Finding::message).asString()
                .contains("is older than the known checkpoint").contains("(size 19)").contains("rolled back");
    }

    @Test
    void aKnownCheckpointNeedsAConsistencyProofFromItsSize() {
        Checkpoint known = log.signer.sign(8, MerkleTree.rootHash(8, log.store), Instant.parse("2026-03-02T15:00:00Z"));
        assertThat(BundleVerifier.verify(bundle, log.keys.getPublic(), known).problems()).singleElement()
                .extracting(Finding::message).asString().startsWith("the bundle carries no consistency proof");

        Checkpoint at5 = log.signer.sign(5, MerkleTree.rootHash(5, log.store), Instant.parse("2026-03-02T13:00:00Z"));
        CustodyBundle from5 = log.bundle(TestLog.KIT_A, log.checkpoint(), at5);
        assertThat(BundleVerifier.verify(from5, log.keys.getPublic(), known).problems()).singleElement()
                .extracting(Finding::message).asString().startsWith("the bundle's consistency proof starts at size 5");

        Checkpoint unsigned = new Checkpoint(known.origin(), 8, known.rootHash(), known.issuedAt(), known.keyId(), new byte[64]);
        assertThat(BundleVerifier.verify(log.bundle(TestLog.KIT_A, log.checkpoint(), known), log.keys.getPublic(), unsigned)
                .problems()).singleElement().extracting(Finding::message).asString()
                .contains("does not carry a valid signature");
    }

    @Test
    void anEntryOfAnotherItemIsNamed() {
        CustodyBundle kitB = log.bundle(TestLog.KIT_B);
        List<BundleEntry> entries = new ArrayList<>(bundle.entries());
        entries.add(kitB.entries().get(2)); // kit B sequence 3, leaf 10, proven in the same log
        VerificationResult result = BundleVerifier.verify(withEntries(bundle, entries), log.keys.getPublic(), null);

        assertThat(result.problems()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("entry sequence 3 (leaf 10, TRANSFERRED at ")
                        && m.endsWith("belongs to item " + TestLog.KIT_B + ", not to this bundle's item " + TestLog.KIT_A));
    }

    @Test
    void itemFactsMustMatchTheFirstEntry() {
        Map<String, Object> item = new LinkedHashMap<>(bundle.item());
        item.put("sealNumber", "SEAL-999999");
        CustodyBundle relabelled = new CustodyBundle(item, bundle.entries(), bundle.checkpoint(), null, bundle.publicKeySpki());
        VerificationResult result = BundleVerifier.verify(relabelled, log.keys.getPublic(), null);

        assertThat(result.problems()).singleElement().satisfies(f -> {
            assertThat(f.sequence()).isEqualTo(1L);
            assertThat(f.message()).startsWith("the item summary says sealNumber SEAL-999999 but entry sequence 1 (leaf 0, COLLECTED at ")
                    .endsWith("recorded SEAL-558201");
        });
    }

    @Test
    void aFirstEntryWithAPreviousHashOrALaterEntryWithoutOneIsNamed() {
        // Both rewritten and re-hashed, so only the chain rule can object (the log check objects too).
        CustodyBundle tampered = rehashed(withEntry(bundle, 1, e -> {
            e.put("previousHash", "00".repeat(32));
            return e;
        }), 1);
        assertThat(BundleVerifier.verify(tampered, log.keys.getPublic(), null).problems()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("entry sequence 1 (leaf 0, COLLECTED at ") && m.contains("the first entry of an item"));

        CustodyBundle unlinked = rehashed(withEntry(bundle, 2, e -> {
            e.remove("previousHash");
            return e;
        }), 2);
        assertThat(BundleVerifier.verify(unlinked, log.keys.getPublic(), null).problems()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("entry sequence 2 (leaf 2, SEALED at ") && m.contains("has no previousHash"));
    }

    @Test
    void aDuplicatedEntryIsNamed() {
        List<BundleEntry> entries = new ArrayList<>(bundle.entries());
        entries.add(3, entries.get(2));
        VerificationResult result = BundleVerifier.verify(withEntries(bundle, entries), log.keys.getPublic(), null);
        assertThat(result.problems()).extracting(Finding::message).anyMatch(m -> m.startsWith("entry sequence 3 appears 2 times"));
    }

    @Test
    void anEntryClaimingALeafBeyondTheSignedLogIsNamed() {
        List<BundleEntry> entries = new ArrayList<>(bundle.entries());
        BundleEntry last = entries.get(8);
        entries.set(8, new BundleEntry(40, last.leafHash(), last.entry(), last.inclusionProof()));
        VerificationResult result = BundleVerifier.verify(withEntries(bundle, entries), log.keys.getPublic(), null);
        assertThat(result.problems()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("entry sequence 9 (leaf 40, PRODUCED_IN_COURT at ") && m.contains("outside the signed log"));
    }

    // --- tampering helpers: bundles are immutable, so each returns a changed copy

    static CustodyBundle withEntry(CustodyBundle bundle, long sequence, UnaryOperator<Map<String, Object>> change) {
        long leaf = bundle.entries().stream().filter(e -> Long.valueOf(sequence).equals(e.entry().get("sequence"))).findFirst()
                .orElseThrow().leafIndex();
        return withEntryAtLeaf(bundle, leaf, change);
    }

    static CustodyBundle withEntryAtLeaf(CustodyBundle bundle, long leaf, UnaryOperator<Map<String, Object>> change) {
        List<BundleEntry> entries = new ArrayList<>();
        for (BundleEntry e : bundle.entries()) {
            if (e.leafIndex() == leaf) {
                entries.add(new BundleEntry(e.leafIndex(), e.leafHash(), change.apply(TestLog.copy(e.entry())), e.inclusionProof()));
            } else {
                entries.add(e);
            }
        }
        return withEntries(bundle, entries);
    }

    /** Gives the entry at leaf position of {@code sequence} a leaf hash that matches its (changed) content. */
    static CustodyBundle rehashed(CustodyBundle bundle, long sequence) {
        List<BundleEntry> entries = new ArrayList<>();
        for (BundleEntry e : bundle.entries()) {
            boolean target = e == bundle.entries().stream().filter(x -> Long.valueOf(sequence).equals(x.entry().get("sequence")))
                    .findFirst().orElse(null);
            entries.add(target ? new BundleEntry(e.leafIndex(), Hashes.hex(CustodyEntries.leafHash(e.entry())), e.entry(), e.inclusionProof())
                    : e);
        }
        return withEntries(bundle, entries);
    }

    static CustodyBundle withEntries(CustodyBundle b, List<BundleEntry> entries) {
        return new CustodyBundle(b.item(), entries, b.checkpoint(), b.consistency(), b.publicKeySpki());
    }

    private static CustodyBundle withCheckpoint(CustodyBundle b, Checkpoint checkpoint) {
        return new CustodyBundle(b.item(), b.entries(), checkpoint, b.consistency(), b.publicKeySpki());
    }

    private static CustodyBundle withConsistency(CustodyBundle b, Consistency consistency) {
        return new CustodyBundle(b.item(), b.entries(), b.checkpoint(), consistency, b.publicKeySpki());
    }
}
