package org.arcc.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that a service's OpenAPI document describes every {@code /api/v1} operation fully: a summary, the
 * bearer security requirement (none for public operations), an example, and its problem responses (RFC 9457,
 * the shared Problem schema).
 */
public final class OpenApiDocuments {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiDocuments() {
    }

    /** Every {@code /api/v1} operation of the document, as {@code "METHOD /path"}. */
    public static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        forEachOperation(document, (key, path, op) -> operations.add(key));
        return operations;
    }

    /**
     * What is missing from each operation's description; empty when the document is complete.
     *
     * @param publicOperations operations anyone may call without a token, as {@code "METHOD /path"}
     */
    public static List<String> gaps(JsonNode document, Set<String> publicOperations) {
        List<String> wrong = new ArrayList<>();
        if (!"bearer".equals(document.at("/components/securitySchemes/bearer/scheme").asText())) {
            wrong.add("no bearer security scheme");
        }
        if (document.at("/components/schemas/Problem/properties/type").isMissingNode()) {
            wrong.add("no Problem schema");
        }
        forEachOperation(document, (key, path, op) -> check(key, path, op, publicOperations.contains(key), wrong));
        Map<String, String> operationIds = new java.util.HashMap<>();
        forEachOperation(document, (key, path, op) -> {
            String id = op.path("operationId").asText();
            if (id.isBlank()) {
                wrong.add(key + ": no operationId");
            } else if (operationIds.putIfAbsent(id, key) != null) {
                wrong.add(key + ": operationId " + id + " is also " + operationIds.get(id) + "'s");
            }
        });
        if (!document.path("servers").isArray() || document.path("servers").isEmpty()) {
            wrong.add("no servers");
        }
        Set<String> described = new TreeSet<>();
        for (JsonNode tag : document.path("tags")) {
            if (tag.path("description").asText().isBlank()) {
                wrong.add("tag " + tag.path("name").asText() + " has no description");
            } else {
                described.add(tag.path("name").asText());
            }
        }
        // An operation in a class without @Tag gets the class's name as its tag ("Items Resource"), undescribed.
        forEachOperation(document, (key, path, op) -> {
            for (JsonNode tag : op.path("tags")) {
                if (!described.contains(tag.asText())) {
                    wrong.add(key + ": its tag " + tag.asText() + " is not a described tag of the document");
                }
            }
        });
        // Two classes with one simple name become X and X1: generated clients then carry a meaningless X1.
        for (Iterator<String> names = document.path("components").path("schemas").fieldNames(); names.hasNext();) {
            String name = names.next();
            String stem = name.replaceFirst("\\d+$", "");
            if (!stem.equals(name) && document.path("components").path("schemas").has(stem)) {
                wrong.add("schemas " + stem + " and " + name + " are two classes of one name: name them apart");
            }
        }
        return wrong;
    }

    /**
     * The check every service's OpenAPI test makes, in one call: reads the running application's document at
     * {@code /q/openapi}, keeps it as {@code target/openapi.json} (what CI lints, and what to read when this fails),
     * and asserts it documents at least {@code minimumOperations} operations, has no {@link #gaps}, no example its
     * schema refuses, and one example entry in {@code examplesResource} per operation.
     *
     * @param publicOperations operations anyone may call without a token, as {@code "METHOD /path"}
     * @param examplesResource the class-path resource of the service's examples ({@code ApiDocumentFilter.EXAMPLES})
     */
    public static void assertComplete(int minimumOperations, Set<String> publicOperations, String examplesResource)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        String text = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        Files.writeString(Path.of("target/openapi.json"), text);
        JsonNode document = json.readTree(text);

        Set<String> operations = operations(document);
        assertThat(operations).as("operations documented")
                .hasSizeGreaterThanOrEqualTo(minimumOperations);
        assertThat(gaps(document, publicOperations))
                .as("operations described incompletely").isEmpty();
        assertThat(examplesRefusedBySchemas(document))
                .as("examples their schemas refuse").isEmpty();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(examplesResource)) {
            Set<String> examples = new TreeSet<>();
            json.readTree(in).fieldNames().forEachRemaining(examples::add);
            assertThat(examples)
                    .as("every example names an operation, and every operation has one").isEqualTo(operations);
        }
    }

    /**
     * Every example of a request or response body that its schema does not accept, with why: the schema is
     * what generated clients are typed from, so an example it refuses shows a schema that lies about the API.
     */
    public static List<String> examplesRefusedBySchemas(JsonNode document) {
        String base = "https://arcc.invalid/openapi.json";
        com.networknt.schema.SchemaRegistry registry = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(base, document.toString())));
        List<String> refused = new ArrayList<>();
        forEachOperation(document, (key, path, op) -> {
            String pointer = "/paths/" + escape(path) + "/" + key.substring(0, key.indexOf(' ')).toLowerCase();
            checkExamples(registry, base, pointer + "/requestBody/content", op.path("requestBody").path("content"),
                    key + " request", refused);
            for (Iterator<Map.Entry<String, JsonNode>> responses = op.path("responses").fields(); responses.hasNext();) {
                Map.Entry<String, JsonNode> response = responses.next();
                checkExamples(registry, base, pointer + "/responses/" + escape(response.getKey()) + "/content",
                        response.getValue().path("content"), key + " " + response.getKey(), refused);
            }
        });
        return refused;
    }

    private static void checkExamples(com.networknt.schema.SchemaRegistry registry, String base, String pointer,
            JsonNode content, String what, List<String> refused) {
        for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext();) {
            Map.Entry<String, JsonNode> type = media.next();
            if (!type.getValue().has("example") || !type.getValue().has("schema")) {
                continue;
            }
            com.networknt.schema.Schema schema = registry.getSchema(com.networknt.schema.SchemaLocation
                    .of(base + "#" + pointer + "/" + escape(type.getKey()) + "/schema"));
            schema.validate(type.getValue().get("example"))
                    .forEach(error -> refused.add(what + ": " + error.getMessage()));
        }
    }

    /** A JSON Pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private interface OperationVisitor {
        void visit(String key, String path, JsonNode operation);
    }

    private static void forEachOperation(JsonNode document, OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    visitor.visit(op.getKey().toUpperCase() + " " + path.getKey(), path.getKey(), op.getValue());
                }
            }
        }
    }

    private static void check(String key, String path, JsonNode op, boolean open, List<String> wrong) {
        if (op.path("summary").asText().isBlank()) {
            wrong.add(key + ": no summary");
        }
        boolean bearer = false;
        for (JsonNode requirement : op.path("security")) {
            bearer |= requirement.has("bearer");
        }
        if (!bearer && !open) {
            wrong.add(key + ": no bearer security requirement");
        }
        if (open && (bearer || !op.has("security") || op.path("security").size() != 0)) {
            wrong.add(key + ": is public, but its security requirement is not empty");
        }
        boolean hasBody = op.has("requestBody");
        boolean example = hasBody && hasExample(op.get("requestBody").path("content"));
        boolean successBody = false;
        for (Iterator<Map.Entry<String, JsonNode>> responses = op.path("responses").fields(); responses.hasNext();) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (response.getKey().startsWith("2") && response.getValue().has("content")) {
                successBody = true;
                for (JsonNode media : response.getValue().get("content")) {
                    if (media.path("schema").isEmpty()) {
                        wrong.add(key + ": its " + response.getKey() + " body has no schema (clients would type it as anything)");
                    }
                }
                example |= hasExample(response.getValue().get("content"));
            }
        }
        if (!example && (hasBody || successBody)) {
            wrong.add(key + ": no request or response example");
        }
        Set<String> expected = new TreeSet<>(open ? List.of("400") : List.of("400", "401", "403"));
        if (path.contains("{")) {
            expected.add("404");
        }
        if (hasBody) {
            expected.addAll(List.of("413", "415"));
        }
        for (String status : expected) {
            JsonNode problem = op.path("responses").path(status).path("content").path("application/problem+json");
            if (!problem.path("schema").path("$ref").asText().endsWith("/Problem") || !problem.has("example")) {
                wrong.add(key + ": no " + status + " problem response with the Problem schema and an example");
            }
        }
    }

    private static boolean hasExample(JsonNode content) {
        for (JsonNode media : content) {
            if (media.has("example") || media.has("examples")) {
                return true;
            }
        }
        return false;
    }
}
