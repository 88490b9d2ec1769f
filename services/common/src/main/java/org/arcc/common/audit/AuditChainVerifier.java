package org.arcc.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Walks the audit trail from its first row and recomputes every hash. An edited row no longer matches its
 * hash, a deleted or reordered row breaks the sequence and the links, and deleting the newest rows leaves the
 * chain short of its head.
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

    /** Verifies the chain as seen by the given connection (and its transaction). */
    Verification verify(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        long expectedSeq = 1;
        String previous = AuditChain.GENESIS;
        long checked = 0;
        try (PreparedStatement s = c.prepareStatement("""
                SELECT seq, occurred_at, actor, actor_roles, actor_cell, action, resource_type, resource_id,
                       resource_cell, purpose, reason, request_id, outcome, prev_hash, hash
                FROM audit_record ORDER BY seq""")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    if (seq != expectedSeq) {
                        problems.add("row " + expectedSeq + (seq == expectedSeq + 1 ? " is" : " to " + (seq - 1) + " are")
                                + " missing");
                    }
                    String prevHash = rs.getString("prev_hash").trim();
                    String stored = rs.getString("hash").trim();
                    if (!prevHash.equals(previous)) {
                        problems.add("row " + seq + " does not link to the row before it");
                    }
                    String recomputed = AuditChain.hash(prevHash, seq, rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("actor"), rs.getString("actor_roles"), rs.getString("actor_cell"),
                            rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                            rs.getString("resource_cell"), rs.getString("purpose"), rs.getString("reason"),
                            rs.getString("request_id"), rs.getString("outcome"));
                    if (!recomputed.equals(stored)) {
                        problems.add("row " + seq + " was altered: its content no longer matches its hash");
                    }
                    previous = stored;
                    expectedSeq = seq + 1;
                    checked++;
                }
            }
            try (PreparedStatement h = c.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
                    ResultSet head = h.executeQuery()) {
                head.next();
                long lastSeq = head.getLong(1);
                if (lastSeq != expectedSeq - 1) {
                    problems.add("the chain ends at row " + (expectedSeq - 1) + " but its head says " + lastSeq
                            + ": the newest rows were deleted");
                } else if (!head.getString(2).trim().equals(previous)) {
                    problems.add("the last row's hash differs from the chain head");
                }
            }
        }
        return new Verification(checked, problems);
    }
}
