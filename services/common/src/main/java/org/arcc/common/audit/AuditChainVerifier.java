package org.arcc.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Walks each chain of the audit trail from its first row and recomputes every hash. An edited row no longer
 * matches its hash, a deleted or reordered row breaks its chain's positions and links, and deleting the newest
 * rows of a chain leaves it short of its head. A row is named by its number in the trail and its place in its
 * chain: "row 17 (chain 3, position 2)".
 */
@ApplicationScoped
public class AuditChainVerifier {

    @Inject
    DataSource dataSource;

    /** What the verifier found: intact, or each problem with the row it concerns. */
    public record Verification(long rowsChecked, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    public Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                return verify(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
    }

    private record Head(long lastPosition, String lastHash) {
    }

    /** Where the walk of one chain has got to. */
    private static final class Walk {
        long expectedPosition = 1;
        String previous = AuditChain.GENESIS;
    }

    /** Verifies the chains as seen by the given connection (and its transaction). */
    Verification verify(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<Integer, Head> heads = new TreeMap<>();
        try (PreparedStatement h = c.prepareStatement("SELECT id, last_position, last_hash FROM audit_chain_head");
                ResultSet rs = h.executeQuery()) {
            while (rs.next()) {
                heads.put(rs.getInt(1), new Head(rs.getLong(2), rs.getString(3).trim()));
            }
        }
        for (int chain = 1; chain <= AuditChain.CHAINS; chain++) {
            if (!heads.containsKey(chain)) {
                problems.add("the head of chain " + chain + " was deleted");
            }
        }
        Map<Integer, Walk> walks = new TreeMap<>();
        long checked = 0;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT seq, chain, position, occurred_at, actor, actor_roles, actor_cell, action, resource_type,
                       resource_id, resource_cell, purpose, reason, request_id, outcome, prev_hash, hash
                FROM audit_record ORDER BY chain, position""")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    int chain = rs.getInt("chain");
                    long position = rs.getLong("position");
                    String row = "row " + seq + " (chain " + chain + ", position " + position + ")";
                    Walk walk = walks.computeIfAbsent(chain, k -> new Walk());
                    if (position != walk.expectedPosition) {
                        problems.add("chain " + chain + (position == walk.expectedPosition + 1
                                ? " position " + walk.expectedPosition + " is"
                                : " positions " + walk.expectedPosition + " to " + (position - 1) + " are") + " missing");
                    }
                    String prevHash = rs.getString("prev_hash").trim();
                    String stored = rs.getString("hash").trim();
                    if (!prevHash.equals(walk.previous)) {
                        problems.add(row + " does not link to the row before it in its chain");
                    }
                    String recomputed = AuditChain.hash(prevHash, position, rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("actor"), rs.getString("actor_roles"), rs.getString("actor_cell"),
                            rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                            rs.getString("resource_cell"), rs.getString("purpose"), rs.getString("reason"),
                            rs.getString("request_id"), rs.getString("outcome"));
                    if (!recomputed.equals(stored)) {
                        problems.add(row + " was altered: its content no longer matches its hash");
                    }
                    walk.previous = stored;
                    walk.expectedPosition = position + 1;
                    checked++;
                }
            }
        }
        for (Map.Entry<Integer, Head> entry : heads.entrySet()) {
            int chain = entry.getKey();
            Head head = entry.getValue();
            Walk walk = walks.getOrDefault(chain, new Walk());
            long last = walk.expectedPosition - 1;
            if (head.lastPosition() != last) {
                problems.add("chain " + chain + " ends at position " + last + " but its head says "
                        + head.lastPosition() + ": the newest rows were deleted");
            } else if (!head.lastHash().equals(walk.previous)) {
                problems.add("the last row of chain " + chain + " differs from the chain's head");
            }
        }
        for (int chain : walks.keySet()) {
            if (chain < 1 || chain > AuditChain.CHAINS) {
                problems.add("chain " + chain + " is not one of the trail's chains");
            }
        }
        return new Verification(checked, problems);
    }
}
