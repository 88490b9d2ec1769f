package org.arcc.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The manifests made from the code rather than written by hand, keyed by their path under deploy/kubernetes:
 * the Kafka topics of each overlay and the production realm import. {@code GeneratedManifestsTest} fails when a
 * file in the repository differs from what this makes, and rewrites them when asked to.
 */
public final class GeneratedManifests {

    /** The host the base's realm import sends browsers back to; overlays for a real domain change it. */
    public static final String PUBLIC_HOST = "arcc.example.org";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private GeneratedManifests() {
    }

    /** Path (relative to deploy/kubernetes) to content, for a repository rooted at {@code repo}. */
    public static Map<String, String> all(Path repo) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("overlays/dev/kafka-topics.yaml", KafkaTopicManifests.render(KafkaTopicManifests.Durability.DEV));
        files.put("overlays/production/kafka-topics.yaml",
                KafkaTopicManifests.render(KafkaTopicManifests.Durability.PRODUCTION));
        files.put("base/keycloak/realm-import.yaml", realmImport(repo.resolve("deploy/keycloak/arcc-realm.json")));
        return files;
    }

    static String realmImport(Path developmentRealm) {
        try {
            JsonNode realm = JSON.readTree(Files.readString(developmentRealm));
            ObjectNode resource = JSON.createObjectNode();
            resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
            resource.put("kind", "KeycloakRealmImport");
            resource.putObject("metadata").put("name", "arcc-realm");
            ObjectNode spec = resource.putObject("spec");
            spec.put("keycloakCRName", "arcc-keycloak");
            spec.set("realm", RealmForProduction.of(realm, PUBLIC_HOST));
            return """
                    # GENERATED from deploy/keycloak/arcc-realm.json by RealmForProduction: do not edit. The realm without
                    # the demo users, the development clients and any client secret. Regenerate with
                    #   ./mvnw -o -q -pl deploy/kubernetes -am verify -Dtest=GeneratedManifestsTest \\
                    #     -Dsurefire.failIfNoSpecifiedTests=false -Darcc.kubernetes.regenerate=true
                    """ + YAML.writeValueAsString(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the nearest directory upwards from {@code start} that holds deploy/kubernetes. */
    public static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/kubernetes")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root above " + start);
    }
}
