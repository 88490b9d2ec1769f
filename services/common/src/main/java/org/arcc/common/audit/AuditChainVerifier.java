package org.arcc.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks the audit trail against its own hashes and against the signed anchors of its heads
 * ({@link TrailCheck} holds the rules). An edited row no longer matches its hash, a deleted or reordered row
 * breaks its chain's positions and links, deleting the newest rows of a chain leaves it short of its head, and
 * a chain rewritten consistently (every hash recomputed, the head moved) contradicts the heads signed before
 * the rewrite. A row is named by its number in the trail and its place in its chain: "row 17 (chain 3,
 * position 2)".
 *
 * <p>The heads, the rows and the anchors are read in one repeatable-read snapshot, so appends while the check
 * runs are never mistaken for tampering.
 */
@ApplicationScoped
public class AuditChainVerifier {

    @Inject
    DataSource dataSource;

    @Inject
    AuditAnchors anchors;

    @Inject
    AuditSettings settings;

    /** What the verifier found: intact, or each problem with the chain and position it concerns. */
    public record Verification(long rowsChecked, long anchorsChecked, List<AuditProblem> problems) {

        public Verification {
            problems = List.copyOf(problems);
        }

        public boolean intact() {
            return problems.isEmpty();
        }

        /** The problems as sentences, in the order found. */
        public List<String> descriptions() {
            return problems.stream().map(AuditProblem::description).toList();
        }

        /** What a supervisor of {@code cell} is shown: its own cell's problems and those no row places. */
        public Verification concerning(String cell) {
            return new Verification(rowsChecked, anchorsChecked,
                    problems.stream().filter(p -> p.concerns(cell)).toList());
        }
    }

    /** Checks the trail against its hashes and the anchors stored here. */
    public Verification verify() {
        return verify(List.of());
    }

    /**
     * Checks the trail against its hashes, the anchors stored here and {@code held}: anchors of this trail
     * that another service keeps, so that deleting or rewriting the anchors stored here hides nothing.
     */
    public Verification verify(Collection<AuditAnchor> held) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return verify(c, held);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
    }

    /** Verifies the chains as seen by the given connection (and its transaction). */
    Verification verify(Connection c) throws SQLException {
        return verify(c, List.of());
    }

    Verification verify(Connection c, Collection<AuditAnchor> held) throws SQLException {
        Map<Integer, TrailCheck.Head> heads = new TreeMap<>();
        try (PreparedStatement h = c.prepareStatement("SELECT id, last_position, last_hash FROM audit_chain_head");
                ResultSet rs = h.executeQuery()) {
            while (rs.next()) {
                heads.put(rs.getInt(1), new TrailCheck.Head(rs.getLong(2), rs.getString(3).trim()));
            }
        }
        Set<AuditAnchor> all = new LinkedHashSet<>(anchors.stored(c, anchors.source(), settings.anchorsChecked()));
        all.addAll(held);
        TrailCheck check = new TrailCheck(heads, all, anchors.source(), anchors.publicKey());
        try (PreparedStatement s = c.prepareStatement("""
                SELECT seq, chain, position, occurred_at, actor, actor_roles, actor_cell, action, resource_type,
                       resource_id, resource_cell, purpose, reason, request_id, outcome, prev_hash, hash
                FROM audit_record ORDER BY chain, position""")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong("position");
                    String prevHash = rs.getString("prev_hash").trim();
                    String recomputed = AuditChain.hash(prevHash, position, rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("actor"), rs.getString("actor_roles"), rs.getString("actor_cell"),
                            rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                            rs.getString("resource_cell"), rs.getString("purpose"), rs.getString("reason"),
                            rs.getString("request_id"), rs.getString("outcome"));
                    Set<String> cells = new HashSet<>();
                    for (String cell : new String[] { rs.getString("resource_cell"), rs.getString("actor_cell") }) {
                        if (cell != null) {
                            cells.add(cell);
                        }
                    }
                    check.row(new TrailCheck.Row(rs.getLong("seq"), rs.getInt("chain"), position, prevHash,
                            rs.getString("hash").trim(), recomputed, cells));
                }
            }
        }
        return check.finish();
    }
}
