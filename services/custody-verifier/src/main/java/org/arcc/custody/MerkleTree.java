package org.arcc.custody;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree of RFC 9162 §2.1 computed from stored perfect subtrees. Any subtree the RFC's recursion needs
 * is either one stored node (when its size is a power of two) or split into at most log2(n) of them, so a root
 * costs O(log n) lookups and a proof O(log² n) at worst; the leaves are never re-read.
 *
 * <p>Sizes and indexes outside the tree throw {@link IllegalArgumentException}; a node the store should hold but
 * does not (a size beyond what was appended, or a damaged store) throws {@link IllegalStateException}.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /**
     * Nodes to persist when leaf {@code leafIndex} is appended: the leaf itself and every perfect subtree it
     * completes (levels 1..k where 2^k divides leafIndex + 1). The left siblings are read from {@code store}.
     */
    public static List<MerkleNode> appendLeaf(long leafIndex, byte[] leafHash, NodeStore store) {
        if (leafIndex < 0) {
            throw new IllegalArgumentException("leaf index must not be negative, was " + leafIndex);
        }
        requireHash(leafHash, "leaf hash");
        Objects.requireNonNull(store, "store");
        List<MerkleNode> nodes = new ArrayList<>();
        nodes.add(new MerkleNode(0, leafIndex, leafHash));
        byte[] hash = leafHash;
        long index = leafIndex;
        int level = 0;
        while ((index & 1) == 1) {
            byte[] left = stored(store, level, index - 1);
            hash = Hashes.nodeHash(left, hash);
            index >>= 1;
            level++;
            nodes.add(new MerkleNode(level, index, hash));
        }
        return nodes;
    }

    /** MTH(D[treeSize]) (RFC 9162 §2.1.1); the empty tree's root is SHA-256 of the empty string. */
    public static byte[] rootHash(long treeSize, NodeStore store) {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative, was " + treeSize);
        }
        if (treeSize == 0) {
            return Hashes.emptyTreeHash();
        }
        return subtree(0, treeSize, store);
    }

    /** PATH(leafIndex, D[treeSize]) (RFC 9162 §2.1.3.1), from the leaf's sibling up to the root's child. */
    public static List<byte[]> inclusionProof(long leafIndex, long treeSize, NodeStore store) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " is not in a tree of size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafIndex, 0, treeSize, store, proof);
        return proof;
    }

    // PATH(m, D[start:start+n]) appended to proof, deepest sibling first
    private static void path(long m, long start, long n, NodeStore store, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, k, store, proof);
            proof.add(subtree(start + k, n - k, store));
        } else {
            path(m - k, start + k, n - k, store, proof);
            proof.add(subtree(start, k, store));
        }
    }

    /**
     * PROOF(oldSize, D[newSize]) (RFC 9162 §2.1.4.1). Empty when oldSize is 0 or equals newSize: there is nothing to
     * prove.
     */
    public static List<byte[]> consistencyProof(long oldSize, long newSize, NodeStore store) {
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to size " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize == 0 || oldSize == newSize) {
            return proof;
        }
        subproof(oldSize, 0, newSize, true, store, proof);
        return proof;
    }

    // SUBPROOF(m, D[start:start+n], b) appended to proof
    private static void subproof(long m, long start, long n, boolean whole, NodeStore store, List<byte[]> proof) {
        if (m == n) {
            if (!whole) {
                proof.add(subtree(start, n, store));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, k, whole, store, proof);
            proof.add(subtree(start + k, n - k, store));
        } else {
            subproof(m - k, start + k, n - k, false, store, proof);
            proof.add(subtree(start, k, store));
        }
    }

    /** MTH over the given leaf hashes by the plain recursive definition: the reference the node store must match. */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return Hashes.emptyTreeHash();
        }
        return recursiveRoot(leafHashes, 0, leafHashes.size());
    }

    private static byte[] recursiveRoot(List<byte[]> leaves, int start, int n) {
        if (n == 1) {
            return requireHash(leaves.get(start), "leaf hash " + start).clone();
        }
        int k = (int) largestPowerOfTwoBelow(n);
        return Hashes.nodeHash(recursiveRoot(leaves, start, k), recursiveRoot(leaves, start + k, n - k));
    }

    /**
     * MTH(D[start:start+n]) for a subtree that arises in the RFC's recursion: a perfect one is a single stored node;
     * any other splits at the largest power of two below n, whose left part is perfect.
     */
    static byte[] subtree(long start, long n, NodeStore store) {
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            if (start % n != 0) {
                throw new IllegalStateException("subtree at " + start + " of size " + n + " is not aligned");
            }
            return stored(store, level, start >> level);
        }
        long k = largestPowerOfTwoBelow(n);
        return Hashes.nodeHash(subtree(start, k, store), subtree(start + k, n - k, store));
    }

    /** The largest power of two strictly smaller than n (n ≥ 2): the split point k of RFC 9162 §2.1.1. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static byte[] stored(NodeStore store, int level, long index) {
        byte[] hash = store.node(level, index);
        if (hash == null) {
            throw new IllegalStateException("the node store has no node at level " + level + ", index " + index
                    + " (covering leaves " + (index << level) + ".." + (((index + 1) << level) - 1)
                    + "): the tree size asked for is beyond what was appended, or the store is incomplete");
        }
        return requireHash(hash, "stored node (" + level + ", " + index + ")");
    }

    private static byte[] requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != Hashes.LENGTH) {
            throw new IllegalArgumentException(what + " must be " + Hashes.LENGTH + " bytes");
        }
        return hash;
    }
}
