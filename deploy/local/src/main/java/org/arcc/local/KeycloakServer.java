package org.arcc.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak from its Maven Central distribution (unpacked by the build) in development mode, importing the
 * {@code arcc} realm (deploy/keycloak/arcc-realm.json) on first start. Its signing keys live in its own data
 * directory, so tokens it issued stay valid across a restart.
 */
final class KeycloakServer extends ProcessComponent {

    static final String VERSION = "26.5.5";

    KeycloakServer(LocalSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "keycloak";
    }

    @Override
    public Map<String, Integer> ports() {
        return Map.of("keycloak", settings.keycloakPort());
    }

    @Override
    ChildProcess launch() {
        Path dist = settings.root().resolve("deploy/local/target/keycloak/keycloak-" + VERSION);
        if (!Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            throw new PlatformException("Keycloak " + VERSION + " is not unpacked at " + dist
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
        return ChildProcess.start("keycloak", List.of("bash", dist.resolve("bin/kc.sh").toString(),
                "start-dev", "--http-port=" + settings.keycloakPort(), "--import-realm", "--health-enabled=false"),
                env, dist, settings.logs());
    }

    @Override
    void awaitReady(ChildProcess keycloak) {
        keycloak.awaitHttpOk(settings.oidcUrl() + "/.well-known/openid-configuration", Duration.ofSeconds(480));
    }

    @Override
    String readiness() {
        return "ready at " + settings.keycloakBase();
    }
}
