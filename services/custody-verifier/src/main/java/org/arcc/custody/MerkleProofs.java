package org.arcc.custody;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) write it, bit by bit
 * on the indexes. Needs nothing but the proof, the sizes and the roots; never throws: anything malformed
 * (null, wrong hash length, wrong proof length, sizes out of range) is simply not a valid proof.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** True if {@code proof} shows leaf {@code leafHash} at {@code leafIndex} in the tree of {@code treeSize} with {@code rootHash}. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] rootHash) {
        try {
            if (leafIndex < 0 || leafIndex >= treeSize || !isHash(leafHash) || !isHash(rootHash) || !allHashes(proof)) {
                return false;
            }
            long fn = leafIndex;
            long sn = treeSize - 1;
            byte[] r = leafHash;
            for (byte[] p : proof) {
                if (sn == 0) {
                    return false;
                }
                if ((fn & 1) == 1 || fn == sn) {
                    r = Hashes.nodeHash(p, r);
                    if ((fn & 1) == 0) {
                        while ((fn & 1) == 0 && fn != 0) {
                            fn >>= 1;
                            sn >>= 1;
                        }
                    }
                } else {
                    r = Hashes.nodeHash(r, p);
                }
                fn >>= 1;
                sn >>= 1;
            }
            return sn == 0 && MessageDigest.isEqual(r, rootHash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * True if {@code proof} shows the tree of {@code newSize} with {@code newRoot} extends, without changing, the
     * tree of {@code oldSize} with {@code oldRoot}. Equal sizes need an empty proof and equal roots; from the empty
     * tree (size 0, root SHA-256 of nothing) every tree is an extension, with an empty proof.
     */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        try {
            if (oldSize < 0 || oldSize > newSize || !isHash(oldRoot) || !isHash(newRoot) || !allHashes(proof)) {
                return false;
            }
            if (oldSize == newSize) {
                return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
            }
            if (oldSize == 0) {
                return proof.isEmpty() && MessageDigest.isEqual(oldRoot, Hashes.emptyTreeHash());
            }
            if (proof.isEmpty()) {
                return false;
            }
            List<byte[]> path = new ArrayList<>(proof.size() + 1);
            if (Long.bitCount(oldSize) == 1) {
                path.add(oldRoot);
            }
            path.addAll(proof);
            long fn = oldSize - 1;
            long sn = newSize - 1;
            while ((fn & 1) == 1) {
                fn >>= 1;
                sn >>= 1;
            }
            byte[] fr = path.get(0);
            byte[] sr = path.get(0);
            for (int i = 1; i < path.size(); i++) {
                byte[] c = path.get(i);
                if (sn == 0) {
                    return false;
                }
                if ((fn & 1) == 1 || fn == sn) {
                    fr = Hashes.nodeHash(c, fr);
                    sr = Hashes.nodeHash(c, sr);
                    if ((fn & 1) == 0) {
                        while ((fn & 1) == 0 && fn != 0) {
                            fn >>= 1;
                            sn >>= 1;
                        }
                    }
                } else {
                    sr = Hashes.nodeHash(sr, c);
                }
                fn >>= 1;
                sn >>= 1;
            }
            return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == Hashes.LENGTH;
    }

    private static boolean allHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] p : proof) {
            if (!isHash(p)) {
                return false;
            }
        }
        return true;
    }
}
