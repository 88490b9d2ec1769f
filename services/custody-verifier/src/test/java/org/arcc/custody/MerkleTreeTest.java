package org.arcc.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MerkleTreeTest {

    // Certificate Transparency reference implementation, merkle_tree_test.cc: leaf inputs and the roots of the
    // trees over the first 1..8 of them.
    private static final List<String> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static final int MAX = 70;

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        String sha256OfEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertThat(Hashes.hex(MerkleTree.rootHash(0, new InMemoryNodeStore()))).isEqualTo(sha256OfEmpty);
        assertThat(Hashes.hex(MerkleTree.rootOf(List.of()))).isEqualTo(sha256OfEmpty);
    }

    @Test
    void rootsMatchCertificateTransparencyVectors() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            byte[] leaf = Hashes.leafHash(Hashes.unhex(CT_LEAVES.get(n - 1)));
            leaves.add(leaf);
            store.append(leaf);
            assertThat(Hashes.hex(MerkleTree.rootHash(n, store))).as("node store root of size %d", n).isEqualTo(CT_ROOTS.get(n - 1));
            assertThat(Hashes.hex(MerkleTree.rootOf(leaves))).as("reference root of size %d", n).isEqualTo(CT_ROOTS.get(n - 1));
        }
    }

    @Test
    void proofsMatchCertificateTransparencyVectors() {
        InMemoryNodeStore store = ctStore();
        assertThat(hex(MerkleTree.inclusionProof(0, 8, store))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.inclusionProof(5, 8, store))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.inclusionProof(2, 3, store))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hex(MerkleTree.inclusionProof(1, 5, store))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(hex(MerkleTree.consistencyProof(1, 8, store))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.consistencyProof(6, 8, store))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.consistencyProof(2, 5, store))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(hex(MerkleTree.consistencyProof(3, 8, store))).containsExactly(
                "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(MerkleTree.consistencyProof(8, 8, store)).isEmpty();
    }

    @Test
    void nodeStoreRootsEqualTheRecursiveReferenceForEverySizeUpTo70() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        List<byte[]> leaves = leaves(MAX);
        leaves.forEach(store::append);
        for (int n = 1; n <= MAX; n++) {
            assertThat(MerkleTree.rootHash(n, store)).as("size %d", n).isEqualTo(MerkleTree.rootOf(leaves.subList(0, n)));
        }
    }

    @Test
    void inclusionProofsEqualTheRecursiveDefinitionAndVerifyForEveryLeafAndSizeUpTo70() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        List<byte[]> leaves = leaves(MAX);
        leaves.forEach(store::append);
        for (int n = 1; n <= MAX; n++) {
            byte[] root = MerkleTree.rootOf(leaves.subList(0, n));
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = MerkleTree.inclusionProof(i, n, store);
                assertThat(hex(proof)).as("PATH(%d, D[%d])", i, n).isEqualTo(hex(referencePath(i, leaves.subList(0, n))));
                assertThat(MerkleProofs.verifyInclusion(i, n, leaves.get(i), proof, root)).as("leaf %d of %d", i, n).isTrue();
            }
        }
    }

    @Test
    void inclusionFailsForAnyFlippedBitWrongIndexWrongSizeOrWrongRoot() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        List<byte[]> leaves = leaves(MAX);
        leaves.forEach(store::append);
        for (int n = 1; n <= MAX; n++) {
            byte[] root = MerkleTree.rootOf(leaves.subList(0, n));
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = MerkleTree.inclusionProof(i, n, store);
                for (int p = 0; p < proof.size(); p++) {
                    List<byte[]> flipped = new ArrayList<>(proof);
                    flipped.set(p, flipBit(proof.get(p), (i + p) % 256));
                    assertThat(MerkleProofs.verifyInclusion(i, n, leaves.get(i), flipped, root)).isFalse();
                }
                for (int j = 0; j < MAX; j++) {
                    if (j != i) {
                        assertThat(MerkleProofs.verifyInclusion(j, n, leaves.get(i), proof, root))
                                .as("leaf %d of %d claimed at %d", i, n, j).isFalse();
                    }
                }
                // A size is only ever checked together with the root signed for it. (The bare path cannot pin
                // the size: leaf 0's path in size 3 folds exactly like one in size 4.) So: a proof for size n
                // must not verify against the real root of any other size, unless it is that size's proof too.
                for (int m = i + 1; m <= MAX; m++) {
                    if (m != n) {
                        boolean sameProof = hex(MerkleTree.inclusionProof(i, m, store)).equals(hex(proof));
                        assertThat(MerkleProofs.verifyInclusion(i, m, leaves.get(i), proof, MerkleTree.rootHash(m, store)))
                                .as("leaf %d's proof for size %d checked as size %d", i, n, m).isEqualTo(sameProof);
                    }
                }
                assertThat(MerkleProofs.verifyInclusion(i, 2L * n, leaves.get(i), proof, root)).isFalse();
                assertThat(MerkleProofs.verifyInclusion(i, n / 2, leaves.get(i), proof, root)).isFalse();
                assertThat(MerkleProofs.verifyInclusion(i, n, leaves.get(i), proof, flipBit(root, i % 256))).isFalse();
                assertThat(MerkleProofs.verifyInclusion(i, n, flipBit(leaves.get(i), 7), proof, root)).isFalse();
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(MerkleProofs.verifyInclusion(i, n, leaves.get(i), longer, root)).isFalse();
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyInclusion(i, n, leaves.get(i), proof.subList(0, proof.size() - 1), root))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void consistencyProofsEqualTheRecursiveDefinitionAndVerifyForEveryPairUpTo70() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        List<byte[]> leaves = leaves(MAX);
        leaves.forEach(store::append);
        for (int n = 1; n <= MAX; n++) {
            byte[] newRoot = MerkleTree.rootOf(leaves.subList(0, n));
            for (int m = 0; m <= n; m++) {
                byte[] oldRoot = MerkleTree.rootOf(leaves.subList(0, m));
                List<byte[]> proof = MerkleTree.consistencyProof(m, n, store);
                if (m > 0 && m < n) {
                    assertThat(hex(proof)).as("PROOF(%d, D[%d])", m, n)
                            .isEqualTo(hex(referenceSubproof(m, leaves.subList(0, n), true)));
                } else {
                    assertThat(proof).isEmpty();
                }
                assertThat(MerkleProofs.verifyConsistency(m, n, oldRoot, newRoot, proof)).as("%d -> %d", m, n).isTrue();
            }
        }
    }

    @Test
    void consistencyFailsForAnyFlippedBitWrongSizesOrWrongRoots() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        List<byte[]> leaves = leaves(MAX);
        leaves.forEach(store::append);
        for (int n = 2; n <= MAX; n++) {
            byte[] newRoot = MerkleTree.rootOf(leaves.subList(0, n));
            for (int m = 1; m < n; m++) {
                byte[] oldRoot = MerkleTree.rootOf(leaves.subList(0, m));
                List<byte[]> proof = MerkleTree.consistencyProof(m, n, store);
                for (int p = 0; p < proof.size(); p++) {
                    List<byte[]> flipped = new ArrayList<>(proof);
                    flipped.set(p, flipBit(proof.get(p), (m + n + p) % 256));
                    assertThat(MerkleProofs.verifyConsistency(m, n, oldRoot, newRoot, flipped)).as("%d -> %d bit in %d", m, n, p)
                            .isFalse();
                }
                // As with inclusion, sizes are pinned by the roots signed for them: a proof must not verify for
                // any other pair of sizes with their real roots, unless it is that pair's proof too.
                for (int other = 1; other <= MAX; other++) {
                    if (other != m && other <= n) {
                        boolean sameProof = hex(MerkleTree.consistencyProof(other, n, store)).equals(hex(proof));
                        assertThat(MerkleProofs.verifyConsistency(other, n, MerkleTree.rootHash(other, store), newRoot, proof))
                                .as("proof %d -> %d checked as %d -> %d", m, n, other, n).isEqualTo(sameProof);
                    }
                    if (other != n && other >= m) {
                        boolean sameProof = hex(MerkleTree.consistencyProof(m, other, store)).equals(hex(proof));
                        assertThat(MerkleProofs.verifyConsistency(m, other, oldRoot, MerkleTree.rootHash(other, store), proof))
                                .as("proof %d -> %d checked as %d -> %d", m, n, m, other).isEqualTo(sameProof);
                    }
                }
                assertThat(MerkleProofs.verifyConsistency(m, 2L * n, oldRoot, newRoot, proof)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m - 1, n, oldRoot, newRoot, proof)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m + 1, n, oldRoot, newRoot, proof)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, flipBit(oldRoot, 3), newRoot, proof)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, oldRoot, flipBit(newRoot, 200), proof)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, newRoot, oldRoot, proof)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, oldRoot, newRoot, List.of())).isFalse();
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(newRoot);
                assertThat(MerkleProofs.verifyConsistency(m, n, oldRoot, newRoot, longer)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, oldRoot, newRoot, proof.subList(0, proof.size() - 1))).isFalse();
            }
        }
    }

    @Test
    void aRewrittenPrefixIsNotConsistent() {
        List<byte[]> honest = leaves(20);
        List<byte[]> rewritten = new ArrayList<>(honest);
        rewritten.set(4, Hashes.leafHash("a different entry 4".getBytes()));
        InMemoryNodeStore rewrittenStore = new InMemoryNodeStore();
        rewritten.forEach(rewrittenStore::append);
        byte[] honestRootAt10 = MerkleTree.rootOf(honest.subList(0, 10));
        List<byte[]> proof = MerkleTree.consistencyProof(10, 20, rewrittenStore);
        assertThat(MerkleProofs.verifyConsistency(10, 20, honestRootAt10, MerkleTree.rootOf(rewritten), proof)).isFalse();
    }

    @Test
    void verifiersNeverThrowOnMalformedInput() {
        byte[] h = Hashes.leafHash(new byte[0]);
        List<byte[]> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(MerkleProofs.verifyInclusion(0, 1, null, List.of(), h)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(0, 1, h, null, h)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(0, 2, h, withNull, h)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(0, 2, h, List.of(new byte[5]), h)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(-1, 2, h, List.of(h), h)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(0, 0, h, List.of(), h)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(Long.MAX_VALUE - 1, Long.MAX_VALUE, h, List.of(h, h), h)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(2, 1, h, h, List.of(h))).isFalse();
        assertThat(MerkleProofs.verifyConsistency(1, 2, null, h, List.of(h))).isFalse();
        assertThat(MerkleProofs.verifyConsistency(1, 2, h, h, withNull)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(1, 2, h, h, null)).isFalse();
        assertThat(MerkleProofs.verifyConsistency(-1, 2, h, h, List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 2, h, h, List.of())).as("size 0 has the empty root").isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 2, Hashes.emptyTreeHash(), h, List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(3, 3, h, flipBit(h, 0), List.of())).isFalse();
    }

    @Test
    void appendLeafReturnsTheLeafAndExactlyThePerfectSubtreesItCompletes() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        List<byte[]> leaves = leaves(16);
        for (int i = 0; i < 16; i++) {
            List<MerkleNode> nodes = MerkleTree.appendLeaf(i, leaves.get(i), store);
            int completed = Integer.numberOfTrailingZeros(i + 1); // levels 1..k where 2^k divides i + 1
            assertThat(nodes).hasSize(1 + completed);
            assertThat(nodes.get(0)).isEqualTo(new MerkleNode(0, i, leaves.get(i)));
            for (int level = 1; level <= completed; level++) {
                long index = (i + 1L) / (1L << level) - 1;
                long first = index << level;
                byte[] expected = MerkleTree.rootOf(leaves.subList((int) first, (int) (first + (1L << level))));
                assertThat(nodes.get(level)).isEqualTo(new MerkleNode(level, index, expected));
            }
            nodes.forEach(store::put);
        }
        // leaf 6 completes nothing above level 0; leaf 7 completes levels 1, 2 and 3
        assertThat(MerkleTree.appendLeaf(16, leaves.get(0), store)).hasSize(1);
        assertThat(MerkleTree.appendLeaf(15, leaves.get(15), store)).extracting(MerkleNode::level).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void outOfRangeArgumentsAreRefused() {
        InMemoryNodeStore store = ctStore();
        assertThatThrownBy(() -> MerkleTree.inclusionProof(8, 8, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(-1, 8, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(0, 0, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(5, 4, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(-1, 4, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.rootHash(-1, store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.appendLeaf(-1, new byte[32], store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.appendLeaf(0, new byte[31], store)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.rootHash(9, store)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level 0, index 8");
        assertThatThrownBy(() -> MerkleTree.appendLeaf(11, new byte[32], store)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStoreIsWriteOnce() {
        InMemoryNodeStore store = ctStore();
        store.put(new MerkleNode(0, 3, store.node(0, 3)));
        assertThatThrownBy(() -> store.put(new MerkleNode(0, 3, new byte[32]))).isInstanceOf(IllegalStateException.class);
        assertThat(store.node(0, 8)).isNull();
        assertThat(store.node(4, 0)).isNull();
        assertThat(store.node(3, 0)).isEqualTo(Hashes.unhex(CT_ROOTS.get(7)));
    }

    @Test
    void lookupsStayLogarithmic() {
        CountingStore store = new CountingStore();
        leaves(1000).forEach(store.inner::append);
        MerkleTree.rootHash(1000, store);
        assertThat(store.lookups).isLessThanOrEqualTo(10); // one per set bit of 1000 (six)
        store.lookups = 0;
        MerkleTree.inclusionProof(999, 1000, store);
        assertThat(store.lookups).isLessThanOrEqualTo(10 * 10);
        store.lookups = 0;
        MerkleTree.consistencyProof(333, 1000, store);
        assertThat(store.lookups).isLessThanOrEqualTo(10 * 10);
    }

    private static final class CountingStore implements NodeStore {
        final InMemoryNodeStore inner = new InMemoryNodeStore();
        int lookups;

        @Override
        public byte[] node(int level, long index) {
            lookups++;
            return inner.node(level, index);
        }
    }

    // PATH(m, D[n]) straight from RFC 9162 §2.1.3.1 over the leaf list
    private static List<byte[]> referencePath(int m, List<byte[]> d) {
        List<byte[]> path = new ArrayList<>();
        if (d.size() <= 1) {
            return path;
        }
        int k = Integer.highestOneBit(d.size() - 1);
        if (m < k) {
            path.addAll(referencePath(m, d.subList(0, k)));
            path.add(MerkleTree.rootOf(d.subList(k, d.size())));
        } else {
            path.addAll(referencePath(m - k, d.subList(k, d.size())));
            path.add(MerkleTree.rootOf(d.subList(0, k)));
        }
        return path;
    }

    // SUBPROOF(m, D[n], b) straight from RFC 9162 §2.1.4.1
    private static List<byte[]> referenceSubproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> proof = new ArrayList<>();
        if (m == d.size()) {
            if (!b) {
                proof.add(MerkleTree.rootOf(d));
            }
            return proof;
        }
        int k = Integer.highestOneBit(d.size() - 1);
        if (m <= k) {
            proof.addAll(referenceSubproof(m, d.subList(0, k), b));
            proof.add(MerkleTree.rootOf(d.subList(k, d.size())));
        } else {
            proof.addAll(referenceSubproof(m - k, d.subList(k, d.size()), false));
            proof.add(MerkleTree.rootOf(d.subList(0, k)));
        }
        return proof;
    }

    private static InMemoryNodeStore ctStore() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        CT_LEAVES.forEach(leaf -> store.append(Hashes.leafHash(Hashes.unhex(leaf))));
        return store;
    }

    static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(Hashes.leafHash(("leaf " + i).getBytes()));
        }
        return leaves;
    }

    static byte[] flipBit(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hashes::hex).toList();
    }
}
