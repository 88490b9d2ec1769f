package org.arcc.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform started once with {@code deploy/local/arcc-local} for every IT of a test run (it takes minutes
 * to start): the first test class that needs it starts it, and it is stopped when the test run ends, unless a test
 * stopped it first ({@link LocalPlatformIT} does, to check that stopping leaves nothing behind). Shared with
 * {@code deploy/e2e} through this module's test-jar.
 * <p>
 * Ports and the Keycloak URL come from the same environment variables as the launcher's ({@link LocalSettings}:
 * {@code ARCC_GATEWAY_PORT}, {@code ARCC_KEYCLOAK_PORT}, {@code ARCC_KAFKA_PORT}, ... with the standard defaults), so
 * a platform started here with other ports is found at those ports. A platform started by the tests gets a fresh
 * home in a temporary directory.
 * <p>
 * While working on one IT, {@code -Darcc.platform.home=<ARCC_LOCAL_HOME of a platform already started with
 * arcc-local>} uses that platform instead and leaves it running, e.g.
 * {@code ./mvnw -o -pl deploy/local verify -Dit.test=DashboardBrowserIT -Darcc.platform.home=/tmp/arcc} (with the
 * same {@code ARCC_*_PORT} variables the platform was started with).
 */
public final class PlatformUnderTest implements BeforeAllCallback {

    /** The repository's root (failsafe passes it as {@code arcc.root}). */
    public static final Path ROOT = Path.of(System.getProperty("arcc.root", "../..")).toAbsolutePath().normalize();
    private static final LocalSettings SETTINGS = LocalSettings.fromEnvironment(ROOT);
    private static final KeycloakTokens TOKENS = new KeycloakTokens(SETTINGS.oidcUrl(), DemoRealm.of(ROOT));

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(PlatformUnderTest.class, key -> start(), Running.class);
    }

    /** The running platform; its class must be extended with {@code @ExtendWith(PlatformUnderTest.class)}. */
    public static Running platform() {
        assertThat(running).as("the platform was started (@ExtendWith(PlatformUnderTest.class))").isNotNull();
        return running;
    }

    /** Where the gateway answers, e.g. {@code http://localhost:8080}. */
    public static String gatewayUrl() {
        return SETTINGS.gatewayUrl();
    }

    /** The realm's URL, the tokens' issuer, e.g. {@code http://localhost:8180/realms/arcc}. */
    public static String realmUrl() {
        return SETTINGS.oidcUrl();
    }

    /** Keycloak's base URL (without the realm), e.g. {@code http://localhost:8180}, as SDK clients take it. */
    public static String keycloakUrl() {
        return SETTINGS.keycloakBase();
    }

    /** The broker's bootstrap address, e.g. {@code localhost:9092}. */
    public static String kafkaBootstrap() {
        return SETTINGS.kafkaBootstrap();
    }

    /**
     * A service's database on the platform's embedded PostgreSQL ({@code cases}, {@code evidence}, {@code legal},
     * {@code reporting}), for tests that play someone with direct database access (user {@code postgres}).
     */
    public static String databaseUrl(String database) {
        return "jdbc:postgresql://localhost:" + SETTINGS.postgresPort() + "/" + database;
    }

    /** Every port the platform listens on. */
    public static List<Integer> ports() {
        return List.of(SETTINGS.gatewayPort(), SETTINGS.casesPort(), SETTINGS.evidencePort(), SETTINGS.legalPort(),
                SETTINGS.reportsPort(), SETTINGS.keycloakPort(), SETTINGS.kafkaPort(), SETTINGS.kafkaControllerPort(),
                SETTINGS.postgresPort());
    }

    /**
     * Starts a second instance of a service on the running platform ({@code cases-2}, {@code evidence-2},
     * {@code gateway-2}, {@code gateway-3}: {@link ServiceReplica}) with {@code arcc-local start <replica>}'s request to
     * the launcher; returns its URL once it is ready.
     */
    public static String startReplica(String replica) {
        control("start", replica);
        return replicaUrl(replica);
    }

    /** Stops a replica started with {@link #startReplica}. */
    public static void stopReplica(String replica) {
        control("stop", replica);
    }

    /** Where a replica answers, e.g. {@code http://localhost:9081} for {@code cases-2}. */
    public static String replicaUrl(String replica) {
        int dash = replica.lastIndexOf('-');
        String service = replica.substring(0, dash);
        int base = switch (service) {
            case "cases" -> SETTINGS.casesPort();
            case "evidence" -> SETTINGS.evidencePort();
            case "gateway" -> SETTINGS.gatewayPort();
            default -> throw new IllegalArgumentException("No replica of " + service + " is run by the launcher");
        };
        return "http://localhost:" + ServiceReplica.port(base, Integer.parseInt(replica.substring(dash + 1)));
    }

    private static void control(String action, String component) {
        int exit = ComponentControl.ask(SETTINGS.withHome(platform().home()), action, component);
        assertThat(exit).as("arcc-local " + action + " " + component + " (see its answer above)").isZero();
    }

    /** Tokens from the platform's Keycloak for the demo users and API clients of deploy/keycloak/arcc-realm.json. */
    public static KeycloakTokens tokens() {
        return TOKENS;
    }

    private static synchronized Running start() {
        if (running == null) {
            try {
                running = new Running();
            } catch (Exception e) {
                throw new IllegalStateException("The local platform did not start", e);
            }
        }
        return running;
    }

    /** A started platform: its home, what the launcher printed, and how to stop it. */
    public static final class Running implements AutoCloseable {

        private final Path home;
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private boolean stopped;

        Running() throws Exception {
            String started = System.getProperty("arcc.platform.home", "");
            if (!started.isBlank()) {
                home = Path.of(started);
                process = null;
                stopped = true;
                assertThat(home.resolve("platform.pid")).as("a platform started with ARCC_LOCAL_HOME=" + home).exists();
                return;
            }
            home = Files.createTempDirectory("arcc-local-it-");
            ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("deploy/local/arcc-local").toString(), "start")
                    .directory(ROOT.toFile()).redirectErrorStream(true);
            builder.environment().put("ARCC_LOCAL_HOME", home.toString());
            // A suite with a trace collector of its own (deploy/e2e's TraceCollection) has the platform export to it.
            String otlpEndpoint = System.getProperty("arcc.otlp.endpoint", "");
            if (!otlpEndpoint.isBlank()) {
                builder.environment().put("ARCC_OTLP_ENDPOINT", otlpEndpoint);
            }
            long startedAt = System.nanoTime();
            process = builder.start();
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        output.append(line).append('\n');
                        System.out.println("[arcc-local] " + line);
                        if (line.startsWith(LocalPlatform.READY_LINE)) {
                            ready.complete(true);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
                ready.complete(false);
            }, "arcc-local-output");
            reader.setDaemon(true);
            reader.start();
            boolean up = ready.get(8, TimeUnit.MINUTES);
            assertThat(up).as("platform ready; its output:\n" + output).isTrue();
            System.out.printf("[arcc-local] cold start measured by the test: %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
        }

        /** The platform's {@code ARCC_LOCAL_HOME}: its data, logs and pid files. */
        public Path home() {
            return home;
        }

        /** What the launcher printed so far (empty for a platform started outside the tests). */
        public String output() {
            return output.toString();
        }

        /** Runs {@code arcc-local stop}; true when the stop command and the platform both ended in time. */
        public synchronized boolean stop() throws Exception {
            if (stopped) {
                return true;
            }
            stopped = true;
            ProcessBuilder stopping = new ProcessBuilder("bash", ROOT.resolve("deploy/local/arcc-local").toString(), "stop")
                    .directory(ROOT.toFile()).redirectErrorStream(true);
            stopping.environment().put("ARCC_LOCAL_HOME", home.toString());
            Process stop = stopping.start();
            stop.getOutputStream().close();
            boolean stopEnded = stop.waitFor(2, TimeUnit.MINUTES);
            boolean platformEnded = process.waitFor(2, TimeUnit.MINUTES);
            if (!platformEnded) {
                process.destroyForcibly();
            }
            return stopEnded && platformEnded;
        }

        @Override
        public void close() throws Exception {
            stop();
        }
    }
}
