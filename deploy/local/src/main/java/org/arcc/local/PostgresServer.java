package org.arcc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Embedded PostgreSQL, data kept in {@code <home>/postgres}, one database per service owned by the service's own
 * login role. Its pid file names the postmaster.
 */
final class PostgresServer implements Component {

    /** The databases, by service name as its secrets and JDBC URLs call them. */
    static final List<String> DATABASES = List.of("cases", "evidence", "legal", "reporting");

    private final LocalSettings settings;
    private final Properties secrets;
    private EmbeddedPostgres postgres;

    PostgresServer(LocalSettings settings, Properties secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** The JDBC URL of each service's database, by service name: this server's, or the external ones configured. */
    static Map<String, String> jdbcUrls(LocalSettings settings) {
        if (settings.externalPostgresUrl() != null) {
            return Map.of("cases", settings.externalPostgresUrl(), "evidence", settings.externalEvidencePostgresUrl(),
                    "legal", settings.externalLegalPostgresUrl(), "reporting", settings.externalReportsPostgresUrl());
        }
        Map<String, String> urls = new LinkedHashMap<>();
        for (String service : DATABASES) {
            urls.put(service, "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + service);
        }
        return urls;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Map<String, Integer> ports() {
        return Map.of("postgres", settings.postgresPort());
    }

    @Override
    public void start() {
        Path data = settings.home().resolve("postgres");
        try {
            Files.createDirectories(settings.logs());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(settings.postgresPort())
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres.log").toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new PlatformException("PostgreSQL did not start on port " + settings.postgresPort() + ": " + e.getMessage()
                    + "; see " + settings.logs().resolve("postgres.log"));
        }
        for (String service : DATABASES) {
            prepareDatabase(service, secrets.getProperty("postgres." + service + ".password"));
        }
        postmaster().ifPresent(pid -> PidFile.write(settings, name(), pid));
        System.out.println("  postgres   ready on port " + settings.postgresPort() + " (data in " + data + ")");
    }

    /** One database per service, owned by the service's own login role (created once). */
    private void prepareDatabase(String service, String password) {
        String role = service + "_app";
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = '" + service + "'")) {
                s.execute("CREATE DATABASE " + service + " OWNER " + role);
            }
        } catch (SQLException e) {
            throw new PlatformException("PostgreSQL is up but the " + service + " database could not be prepared: "
                    + e.getMessage());
        }
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            return rs.next();
        }
    }

    @Override
    public void stop() {
        if (postgres != null) {
            System.out.println("  stopping postgres");
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
        PidFile.forget(settings, name());
    }

    /** SIGKILL to the postmaster and its backends; the next start recovers from the write-ahead log. */
    @Override
    public void kill() {
        if (postgres == null) {
            return;
        }
        postmaster().flatMap(ProcessHandle::of).ifPresent(postmaster -> {
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            postmaster.onExit().join();
            backends.forEach(backend -> backend.onExit().join());
        });
        try {
            postgres.close(); // releases the data directory's lock; the server is gone already
        } catch (IOException | RuntimeException ignored) {
            // pg_ctl stop finds no server: expected
        }
        postgres = null;
        PidFile.forget(settings, name());
    }

    @Override
    public boolean running() {
        return postgres != null && postmaster().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's pid, from the first line of {@code postmaster.pid} in the data directory. */
    private java.util.Optional<Long> postmaster() {
        try {
            List<String> lines = Files.readAllLines(settings.home().resolve("postgres/postmaster.pid"));
            return lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

}
