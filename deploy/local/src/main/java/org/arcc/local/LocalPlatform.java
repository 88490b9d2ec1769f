package org.arcc.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole platform on this machine: {@code start} brings up PostgreSQL (embedded, data kept in
 * {@code .local/postgres}), a Kafka broker in its own JVM, Keycloak with the {@code arcc} realm, the cases
 * and evidence services and the gateway, waits until each is ready, seeds demo data once, prints where everything is, and
 * stays in the foreground until Ctrl-C (or {@code stop}), which shuts everything down in reverse order.
 */
public final class LocalPlatform {

    static final String READY_LINE = "ARCC platform is ready";
    private static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    private static final String KEYCLOAK_VERSION = "26.5.5";

    private final LocalSettings settings;
    private final List<ChildProcess> children = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private volatile boolean stopping;

    LocalPlatform(LocalSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("arcc.root", ".")).toAbsolutePath().normalize();
        LocalSettings settings = LocalSettings.fromEnvironment(root);
        String command = args.length == 0 ? "start" : args[0];
        try {
            switch (command) {
                case "start" -> new LocalPlatform(settings).runUntilStopped();
                case "stop" -> stopRunning(settings);
                case "watch" -> TopicWatch.run(settings.kafkaBootstrap(), args.length > 1 ? args[1] : "arcc.cases.v1");
                case "verify-audit" -> System.exit(new AuditVerification(settings,
                        http -> new LocalPlatform(settings).userToken(http, "platform.admin")).run() ? 0 : 1);
                default -> {
                    System.err.println("usage: arcc-local [start|stop|watch <topic>|verify-audit]");
                    System.exit(2);
                }
            }
        } catch (PlatformException e) {
            System.err.println("ARCC platform: " + e.getMessage());
            System.exit(1);
        }
    }

    void runUntilStopped() {
        Path pidFile = settings.home().resolve("platform.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(read(pidFile).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new PlatformException("already running (pid " + pid + "); stop it with: deploy/local/arcc-local stop");
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "arcc-local-shutdown"));
        long started = System.nanoTime();
        try {
            start();
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
        ChildProcess.write(pidFile, Long.toString(ProcessHandle.current().pid()));
        System.out.printf("%s in %.1f s%n", READY_LINE, (System.nanoTime() - started) / 1e9);
        printWhereEverythingIs();
        System.out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start() {
        Properties secrets = secrets();
        checkPortsFree();
        Map<String, String> jdbcUrls = startPostgres(secrets);
        startKafka(secrets);
        startKeycloak();
        ChildProcess cases = service("cases", settings.root().resolve("services/cases/target/quarkus-app/quarkus-run.jar"),
                Map.ofEntries(Map.entry("QUARKUS_HTTP_PORT", Integer.toString(settings.casesPort())),
                        Map.entry("ARCC_CASES_DB_URL", jdbcUrls.get("cases")),
                        Map.entry("ARCC_CASES_DB_USER", "cases_app"),
                        Map.entry("ARCC_CASES_DB_PASSWORD", secrets.getProperty("postgres.cases.password")),
                        Map.entry("ARCC_OIDC_URL", settings.oidcUrl()),
                        Map.entry("ARCC_KAFKA_BOOTSTRAP", settings.kafkaBootstrap()),
                        Map.entry("ARCC_CRYPTO_KEYS", "local1:" + secrets.getProperty("crypto.kek.local1")),
                        Map.entry("ARCC_CRYPTO_ACTIVE_KEY", "local1"),
                        Map.entry("ARCC_CRYPTO_BLIND_INDEX_KEY", secrets.getProperty("crypto.blind-index")),
                        Map.entry("ARCC_CASES_AUDIT_ANCHOR_KEY", secrets.getProperty("cases.audit-anchor.private-key")),
                        Map.entry("ARCC_CASES_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("cases.audit-anchor.public-key")),
                        Map.entry("ARCC_EVIDENCE_AUDIT_ANCHOR_PUBLIC_KEY",
                                secrets.getProperty("evidence.audit-anchor.public-key")),
                        Map.entry("ARCC_LEGAL_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("legal.audit-anchor.public-key"))));
        cases.awaitHttpOk(settings.casesUrl() + "/q/health/ready", Duration.ofSeconds(90));
        System.out.println("  cases      ready at " + settings.casesUrl());
        ChildProcess evidence = service("evidence", settings.root().resolve("services/evidence/target/quarkus-app/quarkus-run.jar"),
                Map.ofEntries(Map.entry("QUARKUS_HTTP_PORT", Integer.toString(settings.evidencePort())),
                        Map.entry("ARCC_EVIDENCE_DB_URL", jdbcUrls.get("evidence")),
                        Map.entry("ARCC_EVIDENCE_DB_USER", "evidence_app"),
                        Map.entry("ARCC_EVIDENCE_DB_PASSWORD", secrets.getProperty("postgres.evidence.password")),
                        Map.entry("ARCC_OIDC_URL", settings.oidcUrl()),
                        Map.entry("ARCC_KAFKA_BOOTSTRAP", settings.kafkaBootstrap()),
                        // Its own keys, not the cases service's: a service's keys open only its own data.
                        Map.entry("ARCC_CRYPTO_KEYS", "local1:" + secrets.getProperty("crypto.evidence.kek.local1")),
                        Map.entry("ARCC_CRYPTO_ACTIVE_KEY", "local1"),
                        Map.entry("ARCC_CRYPTO_BLIND_INDEX_KEY", secrets.getProperty("crypto.evidence.blind-index")),
                        Map.entry("ARCC_EVIDENCE_CHECKPOINT_KEY", secrets.getProperty("evidence.checkpoint.private-key")),
                        Map.entry("ARCC_EVIDENCE_CHECKPOINT_PUBLIC_KEY", secrets.getProperty("evidence.checkpoint.public-key")),
                        Map.entry("ARCC_EVIDENCE_AUDIT_ANCHOR_KEY", secrets.getProperty("evidence.audit-anchor.private-key")),
                        Map.entry("ARCC_EVIDENCE_AUDIT_ANCHOR_PUBLIC_KEY",
                                secrets.getProperty("evidence.audit-anchor.public-key")),
                        Map.entry("ARCC_CASES_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("cases.audit-anchor.public-key")),
                        Map.entry("ARCC_LEGAL_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("legal.audit-anchor.public-key"))));
        evidence.awaitHttpOk(settings.evidenceUrl() + "/q/health/ready", Duration.ofSeconds(90));
        System.out.println("  evidence   ready at " + settings.evidenceUrl());
        ChildProcess legal = service("legal-aid", settings.root().resolve("services/legal-aid/target/quarkus-app/quarkus-run.jar"),
                Map.ofEntries(Map.entry("QUARKUS_HTTP_PORT", Integer.toString(settings.legalPort())),
                        Map.entry("ARCC_LEGAL_DB_URL", jdbcUrls.get("legal")),
                        Map.entry("ARCC_LEGAL_DB_USER", "legal_app"),
                        Map.entry("ARCC_LEGAL_DB_PASSWORD", secrets.getProperty("postgres.legal.password")),
                        Map.entry("ARCC_OIDC_URL", settings.oidcUrl()),
                        Map.entry("ARCC_KAFKA_BOOTSTRAP", settings.kafkaBootstrap()),
                        // Its own keys: they seal the court initials and the stored answers of its POSTs.
                        Map.entry("ARCC_CRYPTO_KEYS", "local1:" + secrets.getProperty("crypto.legal.kek.local1")),
                        Map.entry("ARCC_CRYPTO_ACTIVE_KEY", "local1"),
                        Map.entry("ARCC_CRYPTO_BLIND_INDEX_KEY", secrets.getProperty("crypto.legal.blind-index")),
                        Map.entry("ARCC_LEGAL_AUDIT_ANCHOR_KEY", secrets.getProperty("legal.audit-anchor.private-key")),
                        Map.entry("ARCC_LEGAL_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("legal.audit-anchor.public-key")),
                        // It keeps the anchors of cases and evidence, as they keep its own.
                        Map.entry("ARCC_CASES_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("cases.audit-anchor.public-key")),
                        Map.entry("ARCC_EVIDENCE_AUDIT_ANCHOR_PUBLIC_KEY",
                                secrets.getProperty("evidence.audit-anchor.public-key"))));
        legal.awaitHttpOk(settings.legalUrl() + "/q/health/ready", Duration.ofSeconds(90));
        System.out.println("  legal-aid  ready at " + settings.legalUrl());
        ChildProcess reporting = service("reporting", settings.root().resolve("services/reporting/target/quarkus-app/quarkus-run.jar"),
                Map.ofEntries(Map.entry("QUARKUS_HTTP_PORT", Integer.toString(settings.reportsPort())),
                        Map.entry("ARCC_REPORTS_DB_URL", jdbcUrls.get("reporting")),
                        Map.entry("ARCC_REPORTS_DB_USER", "reporting_app"),
                        Map.entry("ARCC_REPORTS_DB_PASSWORD", secrets.getProperty("postgres.reporting.password")),
                        Map.entry("ARCC_OIDC_URL", settings.oidcUrl()),
                        Map.entry("ARCC_KAFKA_BOOTSTRAP", settings.kafkaBootstrap()),
                        // Its own keys: they seal only the stored answers of its POSTs (it holds no survivor data).
                        Map.entry("ARCC_CRYPTO_KEYS", "local1:" + secrets.getProperty("crypto.reporting.kek.local1")),
                        Map.entry("ARCC_CRYPTO_ACTIVE_KEY", "local1"),
                        Map.entry("ARCC_CRYPTO_BLIND_INDEX_KEY", secrets.getProperty("crypto.reporting.blind-index")),
                        Map.entry("ARCC_REPORTS_AUDIT_ANCHOR_KEY", secrets.getProperty("reporting.audit-anchor.private-key")),
                        Map.entry("ARCC_REPORTS_AUDIT_ANCHOR_PUBLIC_KEY",
                                secrets.getProperty("reporting.audit-anchor.public-key"))));
        reporting.awaitHttpOk(settings.reportsUrl() + "/q/health/ready", Duration.ofSeconds(90));
        System.out.println("  reporting  ready at " + settings.reportsUrl());
        ChildProcess gateway = service("gateway", settings.root().resolve("gateway/target/quarkus-app/quarkus-run.jar"),
                Map.of("QUARKUS_HTTP_PORT", Integer.toString(settings.gatewayPort()),
                        "ARCC_CASES_URL", settings.casesUrl(),
                        "ARCC_EVIDENCE_URL", settings.evidenceUrl(),
                        "ARCC_LEGAL_URL", settings.legalUrl(),
                        "ARCC_REPORTS_URL", settings.reportsUrl(),
                        "ARCC_OIDC_URL", settings.oidcUrl()));
        gateway.awaitHttpOk(settings.gatewayUrl() + "/q/health/ready", Duration.ofSeconds(90));
        System.out.println("  gateway    ready at " + settings.gatewayUrl());
        seedOnce();
        seedEvidenceOnce();
        seedLegalOnce();
        seedReportingOnce();
    }

    // --- PostgreSQL ----------------------------------------------------------------------------------

    /** The JDBC URL of each service's database, by service name. */
    private Map<String, String> startPostgres(Properties secrets) {
        if (settings.externalPostgresUrl() != null) {
            return Map.of("cases", settings.externalPostgresUrl(), "evidence", settings.externalEvidencePostgresUrl(),
                    "legal", settings.externalLegalPostgresUrl(), "reporting", settings.externalReportsPostgresUrl());
        }
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
        Map<String, String> urls = new LinkedHashMap<>();
        for (String service : List.of("cases", "evidence", "legal", "reporting")) {
            prepareDatabase(service, secrets.getProperty("postgres." + service + ".password"));
            urls.put(service, "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + service);
        }
        System.out.println("  postgres   ready on port " + settings.postgresPort() + " (data in " + data + ")");
        return urls;
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

    // --- Kafka ---------------------------------------------------------------------------------------

    private void startKafka(Properties secrets) {
        if (settings.externalKafka() != null) {
            return;
        }
        Path data = settings.home().resolve("kafka");
        Path config = settings.home().resolve("kafka.properties");
        ChildProcess.write(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + settings.kafkaControllerPort(),
                "listeners=PLAINTEXT://localhost:" + settings.kafkaPort() + ",CONTROLLER://localhost:" + settings.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://localhost:" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        List<String> java = List.of(javaExecutable(), "-Xms64m", "-Xmx384m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", System.getProperty("java.class.path"));
        if (!Files.exists(data.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(java);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", secrets.getProperty("kafka.cluster-id"),
                    "-c", config.toString(), "--ignore-formatted"));
            ChildProcess formatting = ChildProcess.start("kafka-format", format, Map.of(), settings.home(), settings.logs());
            formatting.awaitCondition(() -> !formatting.isAlive(), Duration.ofSeconds(60), "finish formatting");
        }
        List<String> server = new ArrayList<>(java);
        server.addAll(List.of("kafka.Kafka", config.toString()));
        ChildProcess kafka = ChildProcess.start("kafka", server, Map.of(), settings.home(), settings.logs());
        children.add(kafka);
        kafka.awaitCondition(() -> listening(settings.kafkaPort()), Duration.ofSeconds(90), "listen on port " + settings.kafkaPort());
        kafka.awaitCondition(this::kafkaAnswers, Duration.ofSeconds(90), "answer as a cluster");
        System.out.println("  kafka      ready on " + settings.kafkaBootstrap() + " (data in " + data + ")");
    }

    private boolean kafkaAnswers() {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                "bootstrap.servers", settings.kafkaBootstrap(), "request.timeout.ms", 2000, "default.api.timeout.ms", 3000))) {
            return !admin.describeCluster().nodes().get(3, java.util.concurrent.TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    // --- Keycloak ------------------------------------------------------------------------------------

    private void startKeycloak() {
        if (settings.externalKeycloak() != null) {
            return;
        }
        Path dist = settings.root().resolve("deploy/local/target/keycloak/keycloak-" + KEYCLOAK_VERSION);
        if (!Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            throw new PlatformException("Keycloak " + KEYCLOAK_VERSION + " is not unpacked at " + dist
                    + "; build it with: ./mvnw -pl deploy/local -am install -DskipTests");
        }
        try {
            Path imports = Files.createDirectories(dist.resolve("data/import"));
            Files.copy(settings.root().resolve("deploy/keycloak/arcc-realm.json"), imports.resolve("arcc-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PlatformException("Cannot place the realm for import in " + dist + ": " + e.getMessage());
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx512m");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        ChildProcess keycloak = ChildProcess.start("keycloak", List.of("bash", dist.resolve("bin/kc.sh").toString(),
                "start-dev", "--http-port=" + settings.keycloakPort(), "--import-realm", "--health-enabled=false"),
                env, dist, settings.logs());
        children.add(keycloak);
        keycloak.awaitHttpOk(settings.oidcUrl() + "/.well-known/openid-configuration", Duration.ofSeconds(240));
        System.out.println("  keycloak   ready at " + settings.keycloakBase());
    }

    // --- services ------------------------------------------------------------------------------------

    private ChildProcess service(String name, Path jar, Map<String, String> env) {
        if (!Files.exists(jar)) {
            throw new PlatformException(name + " is not built (" + jar + " is missing); run ./mvnw install -DskipTests");
        }
        ChildProcess child = ChildProcess.start(name, List.of(javaExecutable(), "-XX:+UseSerialGC", "-Xms32m", "-Xmx192m",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:MaxDirectMemorySize=64m", "-jar", jar.toString()),
                env, settings.root(), settings.logs());
        children.add(child);
        return child;
    }

    // --- demo data -----------------------------------------------------------------------------------

    private void seedOnce() {
        Path marker = settings.home().resolve("seeded");
        if (Files.exists(marker)) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        Map<String, List<String>> plan = new LinkedHashMap<>();
        plan.put("khi", List.of("WALK_IN", "POLICE"));
        plan.put("lhe1", List.of("NGO_REFERRAL", "WALK_IN"));
        plan.put("mux", List.of("POLICE"));
        plan.put("rwp", List.of("WALK_IN"));
        plan.put("isb", List.of("TRANSFER"));
        int opened = 0;
        for (Map.Entry<String, List<String>> cell : plan.entrySet()) {
            String token = userToken(http, cell.getKey() + ".caseworker");
            for (String channel : cell.getValue()) {
                String body = "{\"channel\":\"" + channel + "\",\"ageBand\":\"" + (opened % 2 == 0 ? "ADULT_25_59" : "CHILD_12_17")
                        + "\",\"arrivedAt\":\"" + Instant.now().minus(Duration.ofHours(opened + 1)) + "\"}";
                HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + "/api/v1/cases"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                if (response.statusCode() != 201) {
                    throw new PlatformException("Seeding demo cases failed: HTTP " + response.statusCode() + " " + response.body());
                }
                opened++;
            }
        }
        ChildProcess.write(marker, "seeded " + opened + " demo cases at " + Instant.now() + "\n");
        System.out.println("  demo data  " + opened + " cases opened in 5 cells");
    }

    /**
     * Journeys 1 and 5 need something to look at: one Karachi case with consent to evidence collection and
     * testing (given through the cases API), and one swab kit registered by the cell's medical officer once
     * those consents have reached the evidence service by event. Done once per home (its own marker, so a
     * home seeded before the evidence service existed gets it too).
     */
    private void seedEvidenceOnce() {
        Path marker = settings.home().resolve("seeded-evidence");
        if (Files.exists(marker)) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        String caseWorker = userToken(http, "khi.caseworker");
        // Journey 1's intake: a 24-year-old woman, rape (PPC 376) after weeks of cyber-stalking (PECA 2016 s.24).
        HttpResponse<String> opened = post(http, "/api/v1/cases", caseWorker, "{\"channel\":\"WALK_IN\",\"ageBand\":\"ADULT_18_24\","
                + "\"arrivedAt\":\"" + Instant.now().minus(Duration.ofHours(2)) + "\",\"sexGender\":\"FEMALE\","
                + "\"incidentType\":\"RAPE\",\"legalSections\":[\"PPC_376\",\"PECA_24\"]}");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(opened.body());
        if (opened.statusCode() != 201 || !id.find()) {
            throw new PlatformException("Seeding the evidence demo case failed: HTTP " + opened.statusCode() + " " + opened.body());
        }
        String caseId = id.group(1);
        for (String purpose : List.of("EVIDENCE_COLLECTION", "EVIDENCE_TESTING")) {
            HttpResponse<String> consent = post(http, "/api/v1/cases/" + caseId + "/consents", caseWorker,
                    "{\"purpose\":\"" + purpose + "\",\"givenBy\":\"SURVIVOR\"}");
            if (consent.statusCode() != 201) {
                throw new PlatformException("Seeding consent " + purpose + " failed: HTTP " + consent.statusCode() + " "
                        + consent.body());
            }
        }
        String medical = userToken(http, "khi.medical");
        String kit = "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"kitNumber\":\"KHI-DEMO-"
                + Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT)
                + "\",\"sealNumber\":\"SEAL-DEMO-1\",\"collectedAt\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\"}";
        // The case and its consents reach the evidence service by event; until then it answers 404 or 422.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> registered = post(http, "/api/v1/evidence/items", medical, kit);
        while ((registered.statusCode() == 404 || registered.statusCode() == 422) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(500));
            registered = post(http, "/api/v1/evidence/items", medical, kit);
        }
        Matcher code = Pattern.compile("\"survivorCode\"\\s*:\\s*\"([^\"]+)\"").matcher(registered.body());
        if (registered.statusCode() != 201 || !code.find()) {
            throw new PlatformException("Seeding the demo evidence kit failed: HTTP " + registered.statusCode() + " "
                    + registered.body());
        }
        ChildProcess.write(marker, "seeded one SWABS kit for KHI case " + caseId + " at " + Instant.now()
                + "\nsurvivor status code " + code.group(1) + "\n");
        System.out.println("  demo data  1 evidence kit (KHI, swabs); survivor status code " + code.group(1)
                + " (GET /api/v1/evidence/status/<code>, no token)");
    }

    /**
     * Journey 1 in court: a Karachi case with consent to a police report, whose legal file (opened by event) gets
     * an FIR, a special court in camera and two hearings, the first adjourned at the defence's request. Done once
     * per home (its own marker).
     */
    private void seedLegalOnce() {
        Path marker = settings.home().resolve("seeded-legal");
        if (Files.exists(marker)) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        String caseWorker = userToken(http, "khi.caseworker");
        Instant arrived = Instant.now().minus(Duration.ofHours(6));
        HttpResponse<String> opened = post(http, "/api/v1/cases", caseWorker, "{\"channel\":\"WALK_IN\",\"ageBand\":\"ADULT_18_24\","
                + "\"arrivedAt\":\"" + arrived + "\",\"sexGender\":\"FEMALE\","
                + "\"incidentType\":\"RAPE\",\"legalSections\":[\"PPC_376\",\"PECA_24\"]}");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(opened.body());
        if (opened.statusCode() != 201 || !id.find()) {
            throw new PlatformException("Seeding the legal demo case failed: HTTP " + opened.statusCode() + " " + opened.body());
        }
        String caseId = id.group(1);
        HttpResponse<String> consent = post(http, "/api/v1/cases/" + caseId + "/consents", caseWorker,
                "{\"purpose\":\"POLICE_REPORT\",\"givenBy\":\"SURVIVOR\"}");
        if (consent.statusCode() != 201) {
            throw new PlatformException("Seeding consent POLICE_REPORT failed: HTTP " + consent.statusCode() + " " + consent.body());
        }
        String legal = userToken(http, "khi.legal");
        String file = "/api/v1/legal/files/" + caseId;
        // The case and its consent reach the legal-aid service by event; until then it answers 404 or 422.
        String fir = "{\"policeStation\":\"ps-khi-women-saddar\",\"firNumber\":\"FIR-311/2026\",\"registeredAt\":\""
                + arrived.plus(Duration.ofHours(5)) + "\",\"sections\":[\"PPC_376\",\"PECA_24\"],\"officer\":\"SI Rukhsana Bibi\"}";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> registered = post(http, file + "/fir", legal, fir);
        while ((registered.statusCode() == 404 || registered.statusCode() == 422) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(500));
            registered = post(http, file + "/fir", legal, fir);
        }
        expect(registered, 201, "the demo FIR");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Karachi"));
        expect(post(http, file + "/trial", legal, "{\"court\":\"Special Court (Anti-Rape), Karachi South\","
                + "\"courtCaseNumber\":\"SC-AR-17/2026\",\"judge\":\"Judge A. Memon\",\"inCamera\":true,"
                + "\"reachedCourtOn\":\"" + today + "\"}"), 201, "the demo trial");
        HttpResponse<String> hearing = post(http, file + "/hearings", legal, "{\"on\":\"" + today
                + "\",\"purpose\":\"FRAMING_OF_CHARGE\"}");
        expect(hearing, 201, "the demo hearing");
        Matcher hearingId = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(hearing.body());
        hearingId.find();
        expect(post(http, file + "/hearings/" + hearingId.group(1) + "/outcome", legal, "{\"outcome\":\"ADJOURNED\","
                + "\"adjournmentReason\":\"DEFENCE_COUNSEL_ABSENT\",\"soughtBy\":\"DEFENCE\",\"nextOn\":\""
                + today.plusDays(14) + "\"}"), 200, "the demo adjournment");
        ChildProcess.write(marker, "seeded the legal file of KHI case " + caseId + " at " + Instant.now() + "\n");
        System.out.println("  demo data  1 legal file (KHI case " + caseId + "): FIR, special court in camera,"
                + " two hearings, the first adjourned");
    }

    /**
     * Figures for the reporting service and the dashboard: about 150 cases over the six months before this one in
     * all six cells, many in Karachi and Lahore, few in Islamabad and Multan, so that some figures show and some are
     * suppressed. Each case has the survivor's (or guardian's) consent to statistics; two in three had a
     * medico-legal exam, some within 6 hours, some later. Done once per home (its own marker).
     */
    private void seedReportingOnce() {
        Path marker = settings.home().resolve("seeded-reporting");
        if (Files.exists(marker)) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        Map<String, int[]> perMonth = new LinkedHashMap<>();
        perMonth.put("khi", new int[] { 9, 11, 8, 12, 10, 7 });
        perMonth.put("lhe1", new int[] { 7, 6, 9, 5, 8, 6 });
        perMonth.put("lhe2", new int[] { 3, 5, 2, 6, 4, 5 });
        perMonth.put("rwp", new int[] { 5, 3, 6, 2, 5, 4 });
        perMonth.put("mux", new int[] { 2, 1, 4, 3, 2, 6 });
        perMonth.put("isb", new int[] { 1, 2, 0, 3, 1, 2 });
        String[] ageBands = { "ADULT_18_24", "ADULT_25_59", "CHILD_12_17", "ADULT_18_24", "CHILD_0_11", "ADULT_25_59" };
        String[] channels = { "WALK_IN", "POLICE", "NGO_REFERRAL", "WALK_IN", "HOTLINE" };
        String[] incidents = { "RAPE", "SEXUAL_ASSAULT", "RAPE", "PHYSICAL_ASSAULT", "RAPE", "PSYCHOLOGICAL_ABUSE" };
        java.time.YearMonth thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Karachi"));
        int opened = 0;
        for (Map.Entry<String, int[]> cell : perMonth.entrySet()) {
            String caseWorker = userToken(http, cell.getKey() + ".caseworker");
            String supervisor = userToken(http, cell.getKey() + ".supervisor");
            for (int m = 0; m < 6; m++) {
                java.time.YearMonth month = thisMonth.minusMonths(6 - m);
                for (int i = 0; i < cell.getValue()[m]; i++, opened++) {
                    String ageBand = ageBands[opened % ageBands.length];
                    Instant arrivedAt = month.atDay(1 + (i * 3) % 27).atTime(9 + i % 8, 0)
                            .atZone(java.time.ZoneId.of("Asia/Karachi")).toInstant();
                    HttpResponse<String> created = post(http, "/api/v1/cases", caseWorker, "{\"channel\":\""
                            + channels[opened % channels.length] + "\",\"ageBand\":\"" + ageBand + "\",\"arrivedAt\":\""
                            + arrivedAt + "\",\"sexGender\":\"" + (opened % 9 == 4 ? "MALE" : "FEMALE")
                            + "\",\"incidentType\":\"" + incidents[opened % incidents.length] + "\"}");
                    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created.body());
                    if (created.statusCode() != 201 || !id.find()) {
                        throw new PlatformException("Seeding reporting demo cases failed: HTTP " + created.statusCode());
                    }
                    String cases = "/api/v1/cases/" + id.group(1);
                    boolean child = ageBand.startsWith("CHILD");
                    String consent = "\",\"givenBy\":\"" + (child ? "GUARDIAN" : "SURVIVOR") + "\""
                            + (ageBand.equals("CHILD_12_17") ? ",\"childAssent\":true}" : "}");
                    expect(post(http, cases + "/consents", caseWorker, "{\"purpose\":\"STATISTICS" + consent), 201,
                            "statistics consent");
                    if (opened % 3 != 2) {
                        expect(post(http, cases + "/consents", caseWorker, "{\"purpose\":\"MEDICAL_EXAM" + consent), 201,
                                "medical exam consent");
                        long minutes = 90L + (opened * 53L) % 540;
                        expect(post(http, cases + "/services", supervisor, "{\"service\":\"MEDICO_LEGAL_EXAM\","
                                + "\"deliveredAt\":\"" + arrivedAt.plus(Duration.ofMinutes(minutes)) + "\"}"), 201,
                                "medico-legal exam");
                    }
                }
            }
        }
        ChildProcess.write(marker, "seeded " + opened + " reporting demo cases at " + Instant.now() + "\n");
        System.out.println("  demo data  " + opened + " cases over six months in six cells with consent to statistics"
                + " (figures at /api/v1/reports/tables, some suppressed)");
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new PlatformException("Seeding " + what + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> post(HttpClient http, String path, String token, String json) {
        return send(http, HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted");
        }
    }

    /** A user token from the development-only public client {@code arcc-cli}. */
    String userToken(HttpClient http, String username) {
        String form = "grant_type=password&client_id=arcc-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(settings.oidcUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new PlatformException("Keycloak gave no token for " + username + ": HTTP " + response.statusCode());
        }
        return token.group(1);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PlatformException("HTTP call to " + request.uri() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted");
        }
    }

    // --- shutdown ------------------------------------------------------------------------------------

    private synchronized void shutdown() {
        if (stopping) {
            return;
        }
        stopping = true;
        for (int i = children.size() - 1; i >= 0; i--) {
            ChildProcess child = children.get(i);
            System.out.println("  stopping " + child.name());
            child.stop(Duration.ofSeconds(20));
        }
        children.clear();
        if (postgres != null) {
            System.out.println("  stopping postgres");
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
        try {
            Files.deleteIfExists(settings.home().resolve("platform.pid"));
        } catch (IOException ignored) {
            // nothing left to do
        }
        System.out.println("ARCC platform stopped");
        System.out.flush();
    }

    static void stopRunning(LocalSettings settings) {
        Path pidFile = settings.home().resolve("platform.pid");
        if (!Files.exists(pidFile)) {
            System.out.println("ARCC platform is not running");
            return;
        }
        long pid = Long.parseLong(read(pidFile).trim());
        ProcessHandle.of(pid).ifPresentOrElse(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(90, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
            System.out.println("ARCC platform stopped");
        }, () -> System.out.println("ARCC platform is not running"));
    }

    // --- helpers -------------------------------------------------------------------------------------

    private void checkPortsFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (settings.externalPostgresUrl() == null) {
            ports.put("postgres", settings.postgresPort());
        }
        if (settings.externalKafka() == null) {
            ports.put("kafka", settings.kafkaPort());
            ports.put("kafka controller", settings.kafkaControllerPort());
        }
        if (settings.externalKeycloak() == null) {
            ports.put("keycloak", settings.keycloakPort());
        }
        ports.put("cases", settings.casesPort());
        ports.put("evidence", settings.evidencePort());
        ports.put("legal-aid", settings.legalPort());
        ports.put("reporting", settings.reportsPort());
        ports.put("gateway", settings.gatewayPort());
        ports.forEach((name, port) -> {
            if (listening(port)) {
                throw new PlatformException("port " + port + " (" + name + ") is taken; free it or set its ARCC_*_PORT variable"
                        + " (docs/operations.md)");
            }
        });
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Properties secrets() {
        Path file = settings.home().resolve("secrets.properties");
        Properties secrets = new Properties();
        try {
            Files.createDirectories(settings.home());
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
            }
            // Each secret is made once; a home from before a service existed gets only that service's secrets.
            int before = secrets.size();
            SecureRandom random = new SecureRandom();
            secrets.computeIfAbsent("postgres.cases.password", k -> HexFormat.of().formatHex(random.generateSeed(16)));
            secrets.computeIfAbsent("crypto.kek.local1", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("crypto.blind-index", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("kafka.cluster-id", k -> org.apache.kafka.common.Uuid.randomUuid().toString());
            secrets.computeIfAbsent("postgres.evidence.password", k -> HexFormat.of().formatHex(random.generateSeed(16)));
            secrets.computeIfAbsent("crypto.evidence.kek.local1", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("crypto.evidence.blind-index", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("postgres.legal.password", k -> HexFormat.of().formatHex(random.generateSeed(16)));
            secrets.computeIfAbsent("crypto.legal.kek.local1", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("crypto.legal.blind-index", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("postgres.reporting.password", k -> HexFormat.of().formatHex(random.generateSeed(16)));
            secrets.computeIfAbsent("crypto.reporting.kek.local1", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("crypto.reporting.blind-index", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            if (!secrets.containsKey("evidence.checkpoint.private-key")) {
                KeyPair checkpoints = checkpointKeyPair();
                secrets.setProperty("evidence.checkpoint.private-key",
                        Base64.getEncoder().encodeToString(checkpoints.getPrivate().getEncoded()));
                secrets.setProperty("evidence.checkpoint.public-key",
                        Base64.getEncoder().encodeToString(checkpoints.getPublic().getEncoded()));
            }
            // Each service signs the heads of its audit chains with its own key; the other keeps them (docs/security.md).
            for (String service : List.of("cases", "evidence", "legal", "reporting")) {
                if (!secrets.containsKey(service + ".audit-anchor.private-key")) {
                    KeyPair anchors = checkpointKeyPair();
                    secrets.setProperty(service + ".audit-anchor.private-key",
                            Base64.getEncoder().encodeToString(anchors.getPrivate().getEncoded()));
                    secrets.setProperty(service + ".audit-anchor.public-key",
                            Base64.getEncoder().encodeToString(anchors.getPublic().getEncoded()));
                }
            }
            if (secrets.size() != before) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    secrets.store(out, "Generated once for this local platform; never reuse outside development");
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep local secrets in " + file, e);
        }
    }

    /** An Ed25519 key pair (PKCS#8 private, SPKI public): custody checkpoints, audit anchors. */
    private static KeyPair checkpointKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new PlatformException("This JDK cannot make Ed25519 keys: " + e.getMessage());
        }
    }

    private void printWhereEverythingIs() {
        System.out.println();
        System.out.println("  Gateway          " + settings.gatewayUrl() + "   (API under /api/v1)");
        System.out.println("  API reference    " + settings.gatewayUrl() + "/q/swagger-ui");
        System.out.println("  Dashboard        " + settings.gatewayUrl() + "/dashboard   (sign in as gov.analyst or <cell>.supervisor)");
        System.out.println("  Keycloak         " + settings.keycloakBase() + "   (admin console: admin / admin)");
        System.out.println("  Services         cases " + settings.casesUrl() + ", evidence " + settings.evidenceUrl()
                + ", legal-aid " + settings.legalUrl() + ", reporting " + settings.reportsUrl());
        System.out.println("  Reports          " + settings.gatewayUrl() + "/api/v1/reports/tables   (gov.analyst; docs/reporting.md)");
        System.out.println("  Checkpoint key   " + secrets().getProperty("evidence.checkpoint.public-key")
                + "   (evidence's Ed25519 public key, SPKI base64: what verifiers check signed checkpoints against)");
        System.out.println("  Kafka            " + settings.kafkaBootstrap());
        System.out.println("  Logs             " + settings.logs());
        System.out.println();
        System.out.println("  Demo logins (development only), password " + DEMO_PASSWORD + ":");
        System.out.println("    <cell>.caseworker, .supervisor, .medical, .counsellor, .legal for isb khi lhe1 lhe2 mux rwp;");
        System.out.println("    lab.custodian (forensic-lab-demo), gov.analyst, platform.admin");
        System.out.println("  Token:  curl -s -d grant_type=password -d client_id=arcc-cli -d username=khi.caseworker \\");
        System.out.println("            -d 'password=" + DEMO_PASSWORD + "' " + settings.oidcUrl() + "/protocol/openid-connect/token");
        System.out.println();
        System.out.println("  Stop with Ctrl-C, or: deploy/local/arcc-local stop");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

}
