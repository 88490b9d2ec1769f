package org.arcc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL behaves like a real server: the service's role needs its password. */
@Tag(TestTiers.INFRASTRUCTURE)
class EmbeddedPostgresResourceTest {

    private static final EmbeddedPostgresResource RESOURCE = new EmbeddedPostgresResource();
    private static Map<String, String> config;

    @BeforeAll
    static void start() {
        RESOURCE.init(Map.of("database", "probe"));
        config = RESOURCE.start();
    }

    @AfterAll
    static void stop() {
        RESOURCE.stop();
    }

    @Test
    void theServiceRoleConnectsToItsOwnDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith("17.");
            assertThat(c.getCatalog()).isEqualTo("probe");
        }
    }

    @Test
    void aWrongPasswordIsRefusedPromptlyAndClearly() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), "wrong-password").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to refuse").isLessThan(5_000);
    }
}
