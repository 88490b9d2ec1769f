package org.arcc.custody;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A custody log as the evidence service keeps it, in memory: items, their entries hash-chained per item and
 * appended to one Merkle tree shared by all items, checkpoints signed with a fresh key, and bundles cut from it.
 */
final class TestLog {

    static final String ORIGIN = "arcc.org.pk/custody/test";
    static final String KIT_A = "item-khi-0001";
    static final String KIT_B = "item-lhr-0002";

    final InMemoryNodeStore store = new InMemoryNodeStore();
    final KeyPair keys;
    final CheckpointSigner signer;

    private final Map<String, Map<String, Object>> items = new LinkedHashMap<>();
    private final Map<String, List<Long>> leavesByItem = new HashMap<>();
    private final Map<Long, Map<String, Object>> entryAt = new HashMap<>();
    private Instant clock;

    TestLog() {
        this(CheckpointKeys.generate(), Instant.parse("2026-03-02T08:30:00Z"));
    }

    TestLog(KeyPair keys, Instant start) {
        this.keys = keys;
        this.signer = new CheckpointSigner(ORIGIN, keys.getPrivate(), keys.getPublic());
        this.clock = start;
    }

    /**
     * Two sexual-assault evidence kits from two cells, their custody interleaved in one log with a third item's
     * entries, the way a shared log fills up. Kit A has nine entries, from collection to court.
     */
    static TestLog sampleCase() {
        return sampleCase(new TestLog());
    }

    /** The sample case written into {@code log} (a log with a given key and start time). */
    static TestLog sampleCase(TestLog log) {
        log.item(KIT_A, "KHI-SAK-2026-0141", "case-2026-khi-0093", "SEXUAL_ASSAULT_KIT", "SEAL-558201", "KHI");
        log.item(KIT_B, "LHR-SAK-2026-0077", "case-2026-lhr-0031", "SEXUAL_ASSAULT_KIT", "SEAL-331907", "LHR");
        log.item("item-khi-0003", "KHI-CLO-2026-0012", "case-2026-khi-0093", "CLOTHING", "SEAL-558202", "KHI");
        log.collected(KIT_A, "dr.ayesha.khan", "location", "Jinnah Postgraduate Medical Centre, Karachi");
        log.collected(KIT_B, "dr.sana.malik", "location", "Services Hospital, Lahore");
        log.record(KIT_A, "SEALED", "dr.ayesha.khan", "sealNumber", "SEAL-558201");
        log.collected("item-khi-0003", "dr.ayesha.khan", "location", "Jinnah Postgraduate Medical Centre, Karachi");
        log.record(KIT_A, "TRANSFERRED", "dr.ayesha.khan", "from", "JPMC medico-legal section", "to",
                "Punjab Forensic Science Agency", "courier", "hc.imran.ali");
        log.record(KIT_B, "SEALED", "dr.sana.malik", "sealNumber", "SEAL-331907");
        log.record(KIT_A, "RECEIVED", "pfsa.intake.rashid", "from", "hc.imran.ali", "sealIntact", "yes", "sealNumber",
                "SEAL-558201");
        log.record(KIT_A, "STORED", "pfsa.intake.rashid", "location", "PFSA cold store B, shelf 4");
        log.record("item-khi-0003", "SEALED", "dr.ayesha.khan", "sealNumber", "SEAL-558202");
        log.record(KIT_A, "SUBMITTED_TO_LAB", "pfsa.intake.rashid", "to", "DNA section");
        log.record(KIT_B, "TRANSFERRED", "dr.sana.malik", "from", "Services Hospital", "to", "PFSA", "courier", "asi.naveed");
        log.record(KIT_A, "ANALYSED", "pfsa.dna.farah", "resultReference", "PFSA-DNA-2026-4410", "documentHash",
                "9f2c0a7d1be64a55c2d0f1e0b7c3aa41f96c0e8d2b5a7c1e3f4d6b8a9c0e1f2a");
        log.record(KIT_A, "RETURNED", "pfsa.dna.farah", "to", "PFSA cold store B");
        log.record(KIT_A, "PRODUCED_IN_COURT", "court.clerk.bilal", "location", "Sessions Court Karachi South, court 7");
        return log;
    }

    Map<String, Object> item(String itemId, String kitNumber, String caseId, String type, String sealNumber, String cell) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("itemId", itemId);
        item.put("kitNumber", kitNumber);
        item.put("caseId", caseId);
        item.put("type", type);
        item.put("sealNumber", sealNumber);
        item.put("cell", cell);
        items.put(itemId, item);
        return item;
    }

    /** The first entry, recording the item facts in its details as the evidence service does. */
    long collected(String itemId, String by, String... details) {
        Map<String, Object> item = items.get(itemId);
        List<String> all = new ArrayList<>(List.of(details));
        for (String fact : BundleVerifier.ITEM_FACTS) {
            all.add(fact);
            all.add((String) item.get(fact));
        }
        return record(itemId, "COLLECTED", by, all.toArray(String[]::new));
    }

    long record(String itemId, String action, String by, String... detailPairs) {
        List<Long> leaves = leavesByItem.computeIfAbsent(itemId, id -> new ArrayList<>());
        clock = clock.plus(Duration.ofMinutes(47));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("itemId", itemId);
        entry.put("sequence", (long) leaves.size() + 1);
        entry.put("action", action);
        entry.put("recordedAt", clock.toString());
        entry.put("recordedBy", by);
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < detailPairs.length; i += 2) {
            details.put(detailPairs[i], detailPairs[i + 1]);
        }
        entry.put("details", details);
        if (!leaves.isEmpty()) {
            entry.put("previousHash", Hashes.hex(CustodyEntries.leafHash(entryAt.get(leaves.get(leaves.size() - 1)))));
        }
        long leaf = store.append(CustodyEntries.leafHash(entry));
        leaves.add(leaf);
        entryAt.put(leaf, entry);
        return leaf;
    }

    /** Appends {@code count} leaves that belong to no item of interest (other cells' evidence). */
    void filler(int count) {
        for (int i = 0; i < count; i++) {
            store.append(Hashes.leafHash(("filler " + store.size()).getBytes()));
        }
    }

    long size() {
        return store.size();
    }

    Checkpoint checkpoint() {
        return signer.sign(size(), MerkleTree.rootHash(size(), store), clock.plusSeconds(60));
    }

    String publicKeySpki() {
        return CheckpointKeys.spkiBase64(keys.getPublic());
    }

    CustodyBundle bundle(String itemId) {
        return bundle(itemId, checkpoint(), null);
    }

    /** Bundle of {@code itemId} proven against {@code checkpoint}; with a consistency proof from {@code from} if given. */
    CustodyBundle bundle(String itemId, Checkpoint checkpoint, Checkpoint from) {
        List<BundleEntry> entries = new ArrayList<>();
        for (long leaf : leavesByItem.get(itemId)) {
            if (leaf >= checkpoint.treeSize()) {
                break;
            }
            entries.add(new BundleEntry(leaf, Hashes.hex(CustodyEntries.leafHash(entryAt.get(leaf))), copy(entryAt.get(leaf)),
                    hex(MerkleTree.inclusionProof(leaf, checkpoint.treeSize(), store))));
        }
        Consistency consistency = from == null ? null
                : new Consistency(from.treeSize(), Hashes.hex(from.rootHash()),
                        hex(MerkleTree.consistencyProof(from.treeSize(), checkpoint.treeSize(), store)));
        return new CustodyBundle(new LinkedHashMap<>(items.get(itemId)), entries, checkpoint, consistency, publicKeySpki());
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> entry) {
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        if (copy.get("details") instanceof Map<?, ?> details) {
            copy.put("details", new LinkedHashMap<>((Map<String, Object>) details));
        }
        return copy;
    }
}
