package org.arcc.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks custom resources that have no Java model (CloudNativePG, the Keycloak operator, the External Secrets
 * Operator) against the OpenAPI schema of their operator's CRD (vendored under {@code crds/}, see its SOURCES.md).
 * The API server prunes a field the schema does not declare, silently; here such a field is refused instead, by
 * closing every object schema that lists its properties and does not say it keeps unknown ones.
 */
final class CrdSchemas {

    static final List<String> FILES = List.of(
            "postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io_scheduledbackups.yaml",
            "keycloaks.k8s.keycloak.org-v1.yml",
            "keycloakrealmimports.k8s.keycloak.org-v1.yml",
            "external-secrets.io_externalsecrets.yaml");

    /**
     * Fields the platform's Keycloak (26.5, deploy/local) knows that the newest Keycloak operator CRD available here
     * (26.0.0) does not declare yet, by kind and the JSON Pointer of the object schema that gets them. Remove an
     * entry when the vendored CRD is replaced by a newer one.
     */
    static final Map<String, Map<String, String>> NEWER_THAN_VENDORED = Map.of(
            "KeycloakRealmImport", Map.of("/properties/spec/properties/realm/properties", "bruteForceStrategy"));

    /** "group/version Kind" to its closed schema. */
    private static final Map<String, Schema> SCHEMAS = load();

    private CrdSchemas() {
    }

    static boolean knows(JsonNode manifest) {
        return SCHEMAS.containsKey(key(manifest.path("apiVersion").asText(), manifest.path("kind").asText()));
    }

    static List<String> problems(JsonNode manifest) {
        return SCHEMAS.get(key(manifest.path("apiVersion").asText(), manifest.path("kind").asText()))
                .validate(manifest).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static Map<String, Schema> load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        Map<String, Schema> schemas = new HashMap<>();
        for (String file : FILES) {
            try (InputStream in = CrdSchemas.class.getResourceAsStream("/crds/" + file)) {
                JsonNode crd = Kustomize.YAML.readTree(in);
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (!version.path("served").asBoolean()) {
                        continue;
                    }
                    ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    ObjectNode root = (ObjectNode) schema.get("properties");
                    for (String field : List.of("apiVersion", "kind")) {
                        if (!root.has(field)) {
                            root.putObject(field).put("type", "string");
                        }
                    }
                    if (!root.has("metadata")) {
                        root.putObject("metadata").put("type", "object");
                    }
                    NEWER_THAN_VENDORED.getOrDefault(kind, Map.of()).forEach((pointer, field) ->
                            ((ObjectNode) schema.at(pointer)).putObject(field).put("type", "string"));
                    close(schema);
                    schemas.put(key(group + "/" + version.path("name").asText(), kind), registry.getSchema(schema));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file, e);
            }
        }
        return schemas;
    }

    /** Refuses undeclared fields wherever the schema declares its fields and does not ask to keep unknown ones. */
    static void close(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            if (object.path("x-kubernetes-embedded-resource").asBoolean()) {
                ObjectNode properties = (ObjectNode) object.get("properties");
                for (String field : List.of("apiVersion", "kind", "metadata")) {
                    if (!properties.has(field)) {
                        properties.putObject(field);
                    }
                }
            }
            object.put("additionalProperties", false);
        }
        for (Iterator<JsonNode> children = object.elements(); children.hasNext();) {
            JsonNode child = children.next();
            if (child.isArray()) {
                child.forEach(CrdSchemas::close);
            } else {
                close(child);
            }
        }
    }
}
