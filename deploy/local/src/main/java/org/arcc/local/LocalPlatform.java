package org.arcc.local;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The whole platform on this machine: {@code start} brings up each {@link Component} in order (PostgreSQL, Kafka,
 * Keycloak, the services, the gateway), waits until each is ready, seeds demo data once, prints where everything
 * is, and stays in the foreground until Ctrl-C (or {@code stop}), which shuts everything down in reverse order.
 * While it runs it carries out {@code kill|stop|start|restart <component>} ({@link ComponentControl}).
 */
public final class LocalPlatform {

    static final String READY_LINE = "ARCC platform is ready";

    private final LocalSettings settings;
    private final Properties secrets;
    private final List<Component> components = new ArrayList<>();
    /** Second instances of some services, started only on request ({@link ServiceReplica}). */
    private final List<ServiceReplica> replicas;
    private volatile boolean stopping;

    LocalPlatform(LocalSettings settings) {
        this.settings = settings;
        this.secrets = new LocalSecrets(settings).load();
        if (settings.externalPostgresUrl() == null) {
            components.add(new PostgresServer(settings, secrets));
        }
        if (settings.externalKafka() == null) {
            components.add(new KafkaBroker(settings, secrets));
        }
        if (settings.externalKeycloak() == null) {
            components.add(new KeycloakServer(settings));
        }
        Map<String, String> jdbcUrls = PostgresServer.jdbcUrls(settings);
        components.add(new CasesService(settings, secrets, jdbcUrls));
        components.add(new EvidenceService(settings, secrets, jdbcUrls));
        components.add(new LegalAidService(settings, secrets, jdbcUrls));
        components.add(new ReportingService(settings, secrets, jdbcUrls));
        components.add(new GatewayService(settings));
        replicas = ServiceReplica.of(settings, components);
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("arcc.root", ".")).toAbsolutePath().normalize();
        LocalSettings settings = LocalSettings.fromEnvironment(root);
        String command = args.length == 0 ? "start" : args[0];
        try {
            if (args.length == 2 && ComponentControl.ACTIONS.contains(command)) {
                System.exit(ComponentControl.ask(settings, command, args[1]));
            }
            switch (command) {
                case "start" -> new LocalPlatform(settings).runUntilStopped();
                case "stop" -> stopRunning(settings);
                case "watch" -> TopicWatch.run(settings.kafkaBootstrap(), args.length > 1 ? args[1] : "arcc.cases.v1");
                case "verify-audit" -> System.exit(new AuditVerification(settings,
                        http -> new DemoData(settings).userToken(http, "platform.admin")).run() ? 0 : 1);
                default -> {
                    System.err.println("usage: arcc-local [start|stop|watch <topic>|verify-audit"
                            + "|kill|stop|start|restart <component>]");
                    System.exit(2);
                }
            }
        } catch (PlatformException e) {
            System.err.println("ARCC platform: " + e.getMessage());
            System.exit(1);
        }
    }

    void runUntilStopped() {
        runningPid(settings).ifPresent(pid -> {
            throw new PlatformException("already running (pid " + pid + "); stop it with: deploy/local/arcc-local stop");
        });
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "arcc-local-shutdown"));
        long started = System.nanoTime();
        try {
            start();
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
        ChildProcess.write(pidFile(settings), Long.toString(ProcessHandle.current().pid()));
        System.out.printf("%s in %.1f s%n", READY_LINE, (System.nanoTime() - started) / 1e9);
        printWhereEverythingIs();
        System.out.flush();
        Map<String, Component> byName = new LinkedHashMap<>();
        components.forEach(component -> byName.put(component.name(), component));
        replicas.forEach(replica -> byName.put(replica.name(), replica));
        ComponentControl.serve(settings, (action, name) -> control(byName, action, name));
    }

    private void start() {
        checkPortsFree();
        for (Component component : components) {
            component.start();
        }
        new DemoData(settings).seedOnce();
    }

    /** One control request, never while the platform is shutting down (the two take turns on this lock). */
    private synchronized String control(Map<String, Component> byName, String action, String name) {
        if (stopping) {
            return "failed the platform is stopping";
        }
        String answer = ComponentControl.perform(byName, action, name);
        System.out.flush();
        return answer;
    }

    // --- shutdown ------------------------------------------------------------------------------------

    private synchronized void shutdown() {
        if (stopping) {
            return;
        }
        stopping = true;
        replicas.forEach(Component::stop);
        for (int i = components.size() - 1; i >= 0; i--) {
            components.get(i).stop();
        }
        try {
            Files.deleteIfExists(pidFile(settings));
        } catch (IOException ignored) {
            // nothing left to do
        }
        System.out.println("ARCC platform stopped");
        System.out.flush();
    }

    static void stopRunning(LocalSettings settings) {
        Optional<Long> pid = runningPid(settings);
        if (pid.isEmpty()) {
            System.out.println("ARCC platform is not running");
            return;
        }
        ProcessHandle.of(pid.get()).ifPresentOrElse(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(90, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
            System.out.println("ARCC platform stopped");
        }, () -> System.out.println("ARCC platform is not running"));
    }

    private static Path pidFile(LocalSettings settings) {
        return settings.home().resolve("platform.pid");
    }

    /** The pid of the launcher running on this home, if one is alive. */
    static Optional<Long> runningPid(LocalSettings settings) {
        try {
            Path file = pidFile(settings);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    private void checkPortsFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        components.forEach(component -> ports.putAll(component.ports()));
        ports.forEach((name, port) -> {
            if (ChildProcess.listening(port)) {
                throw new PlatformException("port " + port + " (" + name + ") is taken; free it or set its ARCC_*_PORT variable"
                        + " (docs/operations.md)");
            }
        });
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
        System.out.println("  Checkpoint key   " + secrets.getProperty("evidence.checkpoint.public-key")
                + "   (evidence's Ed25519 public key, SPKI base64: what verifiers check signed checkpoints against)");
        System.out.println("  Kafka            " + settings.kafkaBootstrap());
        System.out.println("  Logs             " + settings.logs());
        if (!settings.tracing().isEmpty()) {
            System.out.println("  Traces           exported to " + settings.tracing().get("ARCC_OTLP_ENDPOINT") + " (OTLP/HTTP)");
        }
        System.out.println();
        System.out.println("  Demo logins (development only), password " + DemoData.DEMO_PASSWORD + ":");
        System.out.println("    <cell>.caseworker, .supervisor, .medical, .counsellor, .legal for isb khi lhe1 lhe2 mux rwp;");
        System.out.println("    lab.custodian (forensic-lab-demo), gov.analyst, platform.admin");
        System.out.println("  Token:  curl -s -d grant_type=password -d client_id=arcc-cli -d username=khi.caseworker \\");
        System.out.println("            -d 'password=" + DemoData.DEMO_PASSWORD + "' " + settings.oidcUrl() + "/protocol/openid-connect/token");
        System.out.println();
        System.out.println("  Stop with Ctrl-C, or: deploy/local/arcc-local stop");
    }
}
