package org.arcc.e2e.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.local.PlatformUnderTest;
import org.arcc.testing.KafkaTopicReader;

/**
 * What the platform actually stored and delivered, read behind the API: each service's database (as the service's
 * own login role, password from the platform's {@code secrets.properties}) and the broker's topics. Only counts
 * and ids; never a survivor's data (the suite's cases have none).
 */
final class PlatformRecords {

    private final int postgresPort = Integer.parseInt(System.getenv().getOrDefault("ARCC_PG_PORT", "15432"));
    private final Properties secrets = new Properties();

    PlatformRecords() {
        Path file = PlatformUnderTest.platform().home().resolve("secrets.properties");
        try (InputStream in = Files.newInputStream(file)) {
            secrets.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the platform's secrets at " + file, e);
        }
    }

    /** The database's clock, to count what was stored from now on. */
    Timestamp now(String database) {
        try (Connection c = connect(database); PreparedStatement q = c.prepareStatement("SELECT now()");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1);
        } catch (SQLException e) {
            throw new AssertionError("the " + database + " database did not answer: " + e.getMessage(), e);
        }
    }

    /** {@code SELECT count(*) ...} in a service's database; {@code ?} take the parameters (a collection is an id array). */
    int count(String database, String sql, Object... parameters) {
        try (Connection c = connect(database); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Collection<?> ids) {
                    q.setArray(i + 1, c.createArrayOf("uuid", ids.stream().map(id -> UUID.fromString(id.toString()))
                            .toArray()));
                } else {
                    q.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("counting in the " + database + " database failed: " + e.getMessage(), e);
        }
    }

    /** The inbox claims of each consumer in a service's database for these event ids. */
    Map<String, Integer> inboxClaims(String database, Collection<String> eventIds) {
        Map<String, Integer> claims = new LinkedHashMap<>();
        try (Connection c = connect(database); PreparedStatement q = c.prepareStatement(
                "SELECT consumer, count(*) FROM inbox_event WHERE event_id = ANY(?) GROUP BY consumer ORDER BY consumer")) {
            q.setArray(1, c.createArrayOf("uuid", eventIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    claims.put(rs.getString(1), rs.getInt(2));
                }
            }
            return claims;
        } catch (SQLException e) {
            throw new AssertionError("reading the inbox of " + database + " failed: " + e.getMessage(), e);
        }
    }

    /** When a consumer claimed (applied) each of these event ids, by id. */
    Map<String, java.time.Instant> inboxClaimTimes(String database, String consumer, Collection<String> eventIds) {
        Map<String, java.time.Instant> claims = new LinkedHashMap<>();
        try (Connection c = connect(database); PreparedStatement q = c.prepareStatement(
                "SELECT event_id, received_at FROM inbox_event WHERE consumer = ? AND event_id = ANY(?)")) {
            q.setString(1, consumer);
            q.setArray(2, c.createArrayOf("uuid", eventIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    claims.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
            return claims;
        } catch (SQLException e) {
            throw new AssertionError("reading the inbox of " + database + " failed: " + e.getMessage(), e);
        }
    }

    /** The records of a topic whose key (the aggregate id) is one of {@code keys}, read from the beginning. */
    static List<ConsumerRecord<String, String>> onTopic(String topic, Collection<String> keys) {
        try (KafkaTopicReader reader = new KafkaTopicReader(PlatformUnderTest.kafkaBootstrap(), topic)) {
            return reader.readUntilQuiet(Duration.ofSeconds(8)).stream().filter(r -> keys.contains(r.key()))
                    .collect(Collectors.toList());
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + database,
                database + "_app", secrets.getProperty("postgres." + database + ".password"));
    }
}
