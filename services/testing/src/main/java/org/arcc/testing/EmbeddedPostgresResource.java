package org.arcc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL 17 (zonky embedded binaries, no installation, works as root) once per
 * test JVM and gives each service its own database and login role, the way production does.
 *
 * <p>Init argument {@code database} names the service's database (default {@code arcc}).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static EmbeddedPostgres postgres;

    private String database = "arcc";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Database name must match " + SAFE_NAME + ": " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres pg = server();
        String role = database + "_app";
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("DROP ROLE IF EXISTS " + role);
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            s.execute("CREATE DATABASE " + database + " OWNER " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database " + database + " in embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.getJdbcUrl(role, database),
                "quarkus.datasource.username", role,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        // Quarkus loads test resources afresh for each application it starts, so the server ends with it.
        synchronized (EmbeddedPostgresResource.class) {
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly", e);
                } finally {
                    postgres = null;
                }
            }
        }
    }

    /**
     * Out of the box the embedded server trusts every local connection; a wrong password would then go
     * unnoticed. Only the harness's superuser stays trusted: service roles must authenticate, as in production.
     */
    private static void requirePasswords(java.io.File dataDirectory) {
        try {
            java.nio.file.Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), """
                    # Written by EmbeddedPostgresResource.
                    local all postgres                trust
                    host  all postgres 127.0.0.1/32   trust
                    host  all postgres ::1/128        trust
                    local all all                     scram-sha-256
                    host  all all      127.0.0.1/32   scram-sha-256
                    host  all all      ::1/128        scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf", e);
        }
    }

    /** The embedded server of the running test application, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setDataDirectoryCustomizer(EmbeddedPostgresResource::requirePasswords)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start: " + e.getMessage(), e);
            }
        }
        return postgres;
    }
}
