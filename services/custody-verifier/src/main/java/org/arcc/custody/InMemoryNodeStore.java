package org.arcc.custody;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link NodeStore} in memory, write-once: putting a different hash where one already is throws, because in
 * an append-only log that can only mean a bug or tampering. Not thread-safe.
 */
public final class InMemoryNodeStore implements NodeStore {

    // levels.get(L).get(i) = node (L, i); null where nothing was put yet
    private final List<List<byte[]>> levels = new ArrayList<>();

    @Override
    public byte[] node(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0) {
            return null;
        }
        List<byte[]> nodes = levels.get(level);
        if (index >= nodes.size()) {
            return null;
        }
        byte[] hash = nodes.get((int) index);
        return hash == null ? null : hash.clone();
    }

    /** Stores a node; storing the same hash again is a no-op. */
    public void put(MerkleNode node) {
        if (node.index() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an in-memory store holds at most 2^31 − 9 nodes per level");
        }
        while (levels.size() <= node.level()) {
            levels.add(new ArrayList<>());
        }
        List<byte[]> nodes = levels.get(node.level());
        int index = (int) node.index();
        while (nodes.size() <= index) {
            nodes.add(null);
        }
        byte[] existing = nodes.get(index);
        byte[] hash = node.hash();
        if (existing != null && !Arrays.equals(existing, hash)) {
            throw new IllegalStateException("node (level " + node.level() + ", index " + index
                    + ") already holds a different hash: the log is append-only");
        }
        nodes.set(index, hash);
    }

    /** Appends a leaf hash as the next leaf, storing every perfect subtree it completes; returns its index. */
    public long append(byte[] leafHash) {
        long index = size();
        for (MerkleNode node : MerkleTree.appendLeaf(index, leafHash, this)) {
            put(node);
        }
        return index;
    }

    /** Number of leaves appended (the index the next {@link #append} will use). */
    public long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }
}
