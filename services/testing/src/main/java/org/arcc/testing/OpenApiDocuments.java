package org.arcc.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

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
        return wrong;
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
