package org.arcc.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: run with {@code ./mvnw -o -Pbench -pl services/custody-verifier test}. Measures (a) the
 * offline verification of a 10,000-entry bundle and (b) proof sizes and proof generation/verification times for
 * logs of 10^2 to 10^6 entries. Results go to {@code target/benchmarks/custody-verification.md}.
 */
class CustodyVerificationBench {

    private static final int BUNDLE_ENTRIES = Integer.getInteger("bench.entries", 10_000);
    private static final int MAX_LOG = Integer.getInteger("bench.maxLog", 1_000_000);
    private static final int RUNS = 7;
    private static final int WARMUPS = 3;
    private static final int BATCHES = 30;
    private static final int PER_BATCH = 200;

    @Test
    void custodyVerification() throws Exception {
        String bundleTable = bundleVerification();
        String proofTable = proofSizes();
        String report = bundleTable + "\n" + proofTable;
        Path out = Path.of("target/benchmarks/custody-verification.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + Runtime.version() + "\n\n" + report);
        System.out.println(report);
    }

    /** (a) One item with BUNDLE_ENTRIES entries, alone in a log of that many leaves. */
    private String bundleVerification() throws Exception {
        TestLog log = new TestLog();
        log.item("item-bench", "KHI-SAK-2026-9999", "case-bench", "SEXUAL_ASSAULT_KIT", "SEAL-000001", "KHI");
        log.collected("item-bench", "dr.bench", "location", "bench");
        String[] actions = {"TRANSFERRED", "RECEIVED", "STORED"};
        for (int i = 1; i < BUNDLE_ENTRIES; i++) {
            log.record("item-bench", actions[i % actions.length], "officer." + (i % 17), "from", "room " + i, "to", "room " + (i + 1));
        }
        assertThat(log.size()).isEqualTo(BUNDLE_ENTRIES);

        long[] build = new long[RUNS];
        CustodyBundle bundle = null;
        for (int r = 0; r < WARMUPS + RUNS; r++) {
            long start = System.nanoTime();
            bundle = log.bundle("item-bench");
            if (r >= WARMUPS) {
                build[r - WARMUPS] = System.nanoTime() - start;
            }
        }
        String json = CustodyBundles.toJson(bundle);
        // kept for timing the command line end to end (JVM start included), see docs/benchmarks.md
        Files.createDirectories(Path.of("target/benchmarks"));
        Files.writeString(Path.of("target/benchmarks/custody-bundle-" + BUNDLE_ENTRIES + ".json"), json);
        Files.writeString(Path.of("target/benchmarks/custody-bundle-key.pem"), "-----BEGIN PUBLIC KEY-----\n" + log.publicKeySpki()
                + "\n-----END PUBLIC KEY-----\n");
        long[] verify = new long[RUNS];
        long[] readAndVerify = new long[RUNS];
        for (int r = 0; r < WARMUPS + RUNS; r++) {
            long start = System.nanoTime();
            VerificationResult result = BundleVerifier.verify(bundle, log.keys.getPublic(), null);
            long middle = System.nanoTime();
            VerificationResult reread = BundleVerifier.verify(CustodyBundles.fromJson(json), log.keys.getPublic(), null);
            long end = System.nanoTime();
            assertThat(result.intact()).isTrue();
            assertThat(reread.entriesChecked()).isEqualTo(BUNDLE_ENTRIES);
            if (r >= WARMUPS) {
                verify[r - WARMUPS] = middle - start;
                readAndVerify[r - WARMUPS] = end - middle;
            }
        }
        return """
                | Bundle of one item, %,d entries, log of %,d leaves | Median of %d runs (after %d warm-up) |
                | --- | --- |
                | Bundle JSON size | %.1f MiB |
                | Build the bundle (%,d inclusion proofs from the node store) | %.0f ms |
                | `BundleVerifier.verify` (hashes, proofs, chain, signature) | %.0f ms |
                | Parse the JSON file text and verify (what the CLI does) | %.0f ms |
                """.formatted(BUNDLE_ENTRIES, log.size(), RUNS, WARMUPS, json.getBytes(StandardCharsets.UTF_8).length / 1048576.0,
                BUNDLE_ENTRIES, medianMillis(build), medianMillis(verify), medianMillis(readAndVerify));
    }

    /** (b) Proof sizes and single-proof times for log sizes 10^2 .. MAX_LOG, all prefixes of one log. */
    private String proofSizes() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        long buildStart = System.nanoTime();
        for (int i = 0; i < MAX_LOG; i++) {
            store.append(Hashes.leafHash(("custody entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        StringBuilder table = new StringBuilder("""
                | Log size | Inclusion proof | Consistency proof (from a random older size) | Generate inclusion | Verify inclusion | Generate consistency | Verify consistency |
                | ---: | --- | --- | ---: | ---: | ---: | ---: |
                """);
        Random random = new Random(9162);
        for (long n = 100; n <= MAX_LOG; n *= 10) {
            byte[] root = MerkleTree.rootHash(n, store);
            int minInclusion = Integer.MAX_VALUE;
            int maxInclusion = 0;
            int minConsistency = Integer.MAX_VALUE;
            int maxConsistency = 0;
            long[] generateInclusion = new long[BATCHES];
            long[] verifyInclusion = new long[BATCHES];
            long[] generateConsistency = new long[BATCHES];
            long[] verifyConsistency = new long[BATCHES];
            for (int b = -WARMUPS; b < BATCHES; b++) {
                long[] leaves = new long[PER_BATCH];
                long[] olds = new long[PER_BATCH];
                for (int i = 0; i < PER_BATCH; i++) {
                    leaves[i] = (long) (random.nextDouble() * n);
                    olds[i] = 1 + (long) (random.nextDouble() * (n - 1));
                }
                List<List<byte[]>> inclusion = new ArrayList<>(PER_BATCH);
                long t0 = System.nanoTime();
                for (long leaf : leaves) {
                    inclusion.add(MerkleTree.inclusionProof(leaf, n, store));
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < PER_BATCH; i++) {
                    if (!MerkleProofs.verifyInclusion(leaves[i], n, store.node(0, leaves[i]), inclusion.get(i), root)) {
                        throw new AssertionError("inclusion proof of leaf " + leaves[i] + " in " + n + " does not verify");
                    }
                }
                long t2 = System.nanoTime();
                List<List<byte[]>> consistency = new ArrayList<>(PER_BATCH);
                for (long old : olds) {
                    consistency.add(MerkleTree.consistencyProof(old, n, store));
                }
                long t3 = System.nanoTime();
                // the old root is what the verifier already holds (a known checkpoint): not part of the timing
                List<byte[]> oldRoots = new ArrayList<>(PER_BATCH);
                for (long old : olds) {
                    oldRoots.add(MerkleTree.rootHash(old, store));
                }
                long t4 = System.nanoTime();
                for (int i = 0; i < PER_BATCH; i++) {
                    if (!MerkleProofs.verifyConsistency(olds[i], n, oldRoots.get(i), root, consistency.get(i))) {
                        throw new AssertionError("consistency proof " + olds[i] + " -> " + n + " does not verify");
                    }
                }
                long t5 = System.nanoTime();
                if (b >= 0) {
                    generateInclusion[b] = (t1 - t0) / PER_BATCH;
                    verifyInclusion[b] = (t2 - t1) / PER_BATCH;
                    generateConsistency[b] = (t3 - t2) / PER_BATCH;
                    verifyConsistency[b] = (t5 - t4) / PER_BATCH;
                }
                for (List<byte[]> proof : inclusion) {
                    minInclusion = Math.min(minInclusion, proof.size());
                    maxInclusion = Math.max(maxInclusion, proof.size());
                }
                for (List<byte[]> proof : consistency) {
                    minConsistency = Math.min(minConsistency, proof.size());
                    maxConsistency = Math.max(maxConsistency, proof.size());
                }
            }
            int ceilLog2 = 64 - Long.numberOfLeadingZeros(n - 1);
            assertThat(maxInclusion).isLessThanOrEqualTo(ceilLog2);
            table.append("| %,d | %s | %s | %.1f µs | %.1f µs | %.1f µs | %.1f µs |\n".formatted(n,
                    sizes(minInclusion, maxInclusion), sizes(minConsistency, maxConsistency),
                    median(generateInclusion) / 1e3, median(verifyInclusion) / 1e3, median(generateConsistency) / 1e3,
                    median(verifyConsistency) / 1e3));
        }
        return table + "\nBuilding the %,d-leaf node store in memory (every leaf and completed subtree hashed once): %.1f s.\n"
                .formatted(MAX_LOG, buildSeconds)
                + "Times are per proof: the median over %d batches of %d proofs at random leaves and random older sizes.\n"
                .formatted(BATCHES, PER_BATCH);
    }

    private static String sizes(int min, int max) {
        return min == max ? "%d hashes (%,d bytes)".formatted(max, max * 32)
                : "%d–%d hashes (%,d–%,d bytes)".formatted(min, max, min * 32, max * 32);
    }

    private static double medianMillis(long[] nanos) {
        return median(nanos) / 1e6;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}
