package org.arcc.evidence.service;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.arcc.custody.Hashes;
import org.arcc.custody.MerkleNode;
import org.arcc.custody.NodeStore;

/** The Merkle tree's perfect subtrees in table {@code merkle_node}, read in the caller's transaction. */
final class DbNodeStore implements NodeStore {

    private final EntityManager em;

    DbNodeStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public byte[] node(int level, long index) {
        List<?> rows = em.createNativeQuery("SELECT hash FROM merkle_node WHERE level = ?1 AND idx = ?2")
                .setParameter(1, level).setParameter(2, index).getResultList();
        return rows.isEmpty() ? null : Hashes.unhex(rows.get(0).toString());
    }

    void put(MerkleNode node) {
        em.createNativeQuery("INSERT INTO merkle_node (level, idx, hash) VALUES (?1, ?2, ?3)")
                .setParameter(1, node.level()).setParameter(2, node.index()).setParameter(3, Hashes.hex(node.hash()))
                .executeUpdate();
    }
}
