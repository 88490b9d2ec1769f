package org.arcc.reporting.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The projection statements of one transaction, sent to PostgreSQL as JDBC batches (one round trip per batch)
 * instead of one round trip each. Statements on different tables are independent (nothing in the projections refers
 * to another table), so only the order of statements on one table is kept: a statement of another text on the same
 * table first sends what is waiting for that table. Consecutive statements of one text on one table (a replay
 * inserting thousands of consents) go in one batch.
 */
final class ProjectionWrites {

    private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");
    /** Each statement text translated once: the projections' statements are a fixed set of constants. */
    private static final Map<String, JdbcText> JDBC_TEXTS = new ConcurrentHashMap<>();

    /** A statement's JDBC text ({@code ?} placeholders) and, for each {@code ?}, its {@code ?N} number. */
    private record JdbcText(String jdbc, List<Integer> order) {

        static JdbcText of(String sql) {
            List<Integer> order = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(sql);
            StringBuilder jdbc = new StringBuilder();
            while (matcher.find()) {
                order.add(Integer.parseInt(matcher.group(1)));
                matcher.appendReplacement(jdbc, "?");
            }
            matcher.appendTail(jdbc);
            return new JdbcText(jdbc.toString(), List.copyOf(order));
        }
    }

    /** Statements waiting, by table, in the order their tables were first written. */
    private final Map<String, Pending> byTable = new LinkedHashMap<>();
    private int changed;
    /** What the statements since the last flush touched: the months they can change are raised. */
    private final Set<UUID> cases = new HashSet<>();
    private final Set<UUID> items = new HashSet<>();
    private final Set<UUID> referrals = new HashSet<>();
    private final Set<String> months = new HashSet<>();

    /** The statements count in the month of arrival of this case. */
    void touchCase(UUID caseId) {
        if (caseId != null) {
            cases.add(caseId);
        }
    }

    /** The statements count in the month of arrival of this item's case. */
    void touchItem(UUID itemId) {
        if (itemId != null) {
            items.add(itemId);
        }
    }

    /** The statements count in the month this referral was received (and its case's, if it became one). */
    void touchReferral(UUID referralId) {
        referrals.add(referralId);
    }

    /** The statements count in this month ({@code YYYY-MM}). */
    void touchMonth(String month) {
        months.add(month);
    }

    /** What was touched since the last {@link #forgetTouched()}. */
    ProjectionVersion.Touched touched() {
        return new ProjectionVersion.Touched(List.copyOf(cases), List.copyOf(items), List.copyOf(referrals),
                List.copyOf(months));
    }

    void forgetTouched() {
        cases.clear();
        items.clear();
        referrals.clear();
        months.clear();
    }

    /** A statement with {@code ?1}, {@code ?2}... parameters (each may appear more than once). */
    void add(Connection connection, String table, String sql, Object... parameters) throws SQLException {
        Pending pending = byTable.get(table);
        if (pending != null && !pending.sql.equals(sql)) {
            changed += pending.execute(connection);
            byTable.remove(table);
            pending = null;
        }
        if (pending == null) {
            pending = new Pending(sql);
            byTable.put(table, pending);
        }
        pending.rows.add(parameters);
    }

    /** Sends what is waiting for one table (before reading it). */
    void flushTable(Connection connection, String table) throws SQLException {
        Pending pending = byTable.remove(table);
        if (pending != null) {
            changed += pending.execute(connection);
        }
    }

    boolean isEmpty() {
        return byTable.isEmpty();
    }

    /**
     * Sends everything waiting.
     *
     * @return whether any statement since the last call changed a row (a count the driver does not know counts as
     *         a change)
     */
    boolean flush(Connection connection) throws SQLException {
        for (Pending pending : byTable.values()) {
            changed += pending.execute(connection);
        }
        byTable.clear();
        boolean any = changed > 0;
        changed = 0;
        return any;
    }

    private static final class Pending {
        final String sql;
        final List<Object[]> rows = new ArrayList<>();

        Pending(String sql) {
            this.sql = sql;
        }

        /** Rows changed (a count the driver does not know counts as one). */
        int execute(Connection connection) throws SQLException {
            JdbcText translated = JDBC_TEXTS.computeIfAbsent(sql, JdbcText::of);
            List<Integer> order = translated.order();
            try (PreparedStatement statement = connection.prepareStatement(translated.jdbc())) {
                for (Object[] row : rows) {
                    for (int i = 0; i < order.size(); i++) {
                        statement.setObject(i + 1, row[order.get(i) - 1]);
                    }
                    statement.addBatch();
                }
                int total = 0;
                for (int count : statement.executeBatch()) {
                    total += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
                }
                return total;
            }
        }
    }
}
