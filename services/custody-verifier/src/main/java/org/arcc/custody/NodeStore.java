package org.arcc.custody;

/**
 * Where the log's perfect subtree hashes live (in memory for tests and the verifier, a table for the evidence
 * service). {@link MerkleTree} computes roots and proofs from these alone, in O(log n) lookups per subtree.
 */
public interface NodeStore {

    /**
     * Hash of the perfect subtree covering leaves [index·2^level, (index+1)·2^level); level 0 is the leaf hash.
     *
     * @return the hash, or null if this store does not hold that node (not yet complete, or beyond the log)
     */
    byte[] node(int level, long index);
}
