package org.arcc.common.audit;

import java.util.Set;

/**
 * One thing wrong with the audit trail, named by chain and position (and the row's number in the trail when
 * the row is there). {@code cells} are the cells the concerned rows are about or were written by, so that a
 * cell's supervisor sees its own cell's problems only; it is empty when no row tells (a deleted row).
 */
public record AuditProblem(Kind kind, int chain, long position, Long seq, Set<String> cells, String description) {

    public enum Kind {
        /** A row's content no longer matches its hash. */
        ALTERED,
        /** A row does not link to the row before it in its chain. */
        UNLINKED,
        /** Positions are missing in a chain (rows deleted). */
        MISSING,
        /** A chain ends before its head: the newest rows were deleted. */
        TRUNCATED,
        /** A chain's last row is not what its head says. */
        HEAD_MISMATCH,
        /** A chain's head row was deleted. */
        HEAD_DELETED,
        /** Rows in a chain the trail does not have. */
        UNKNOWN_CHAIN,
        /** A signed anchor says the row at (chain, position) had another hash, or that row is gone: a rewrite. */
        ANCHOR_CONTRADICTED,
        /** A stored anchor's signature does not verify under the service's key. */
        ANCHOR_FORGED
    }

    public AuditProblem {
        cells = Set.copyOf(cells);
    }

    /** Whether a supervisor of {@code cell} is told of it: its own cell's rows, and rows nobody can place. */
    public boolean concerns(String cell) {
        return cells.isEmpty() || cells.contains(cell);
    }

    @Override
    public String toString() {
        return description;
    }
}
