package org.arcc.custody;

import java.util.Arrays;
import java.util.Objects;

/**
 * The hash of a perfect subtree: level 0 is a leaf hash; at level L, index i covers leaves
 * [i·2^L, (i+1)·2^L). Once written a node never changes, because the log only ever appends.
 */
public record MerkleNode(int level, long index, byte[] hash) {

    public MerkleNode {
        if (level < 0 || level > 62) {
            throw new IllegalArgumentException("level must be 0..62, was " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, was " + index);
        }
        Objects.requireNonNull(hash, "hash");
        if (hash.length != Hashes.LENGTH) {
            throw new IllegalArgumentException("hash must be " + Hashes.LENGTH + " bytes, was " + hash.length);
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MerkleNode n && n.level == level && n.index == index && Arrays.equals(n.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "MerkleNode[level=" + level + ", index=" + index + ", hash=" + Hashes.hex(hash) + "]";
    }
}
