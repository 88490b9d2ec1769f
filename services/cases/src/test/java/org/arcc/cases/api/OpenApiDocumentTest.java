package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.arcc.common.openapi.ApiDocumentFilter;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document at {@code /q/openapi} describes every {@code /api/v1} operation fully: a summary, the
 * bearer security requirement, an example, and its problem responses (RFC 9457, the shared Problem schema).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOperationHasASummarySecurityAnExampleAndItsProblemResponses() throws Exception {
        String text = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), text); // to read when this fails
        JsonNode document = JSON.readTree(text);
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/schemas/Problem/properties/type").isMissingNode()).isFalse();

        List<String> wrong = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String key = op.getKey().toUpperCase() + " " + path.getKey();
                operations.add(key);
                check(key, path.getKey(), op.getValue(), wrong);
            }
        }
        assertThat(operations).as("operations documented").hasSizeGreaterThanOrEqualTo(29);
        assertThat(wrong).as("operations described incompletely").isEmpty();

        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ApiDocumentFilter.EXAMPLES)) {
            Set<String> examples = new TreeSet<>();
            JSON.readTree(in).fieldNames().forEachRemaining(examples::add);
            assertThat(examples).as("every example names an operation, and every operation has one")
                    .isEqualTo(operations);
        }
    }

    private static void check(String key, String path, JsonNode op, List<String> wrong) {
        if (op.path("summary").asText().isBlank()) {
            wrong.add(key + ": no summary");
        }
        boolean bearer = false;
        for (JsonNode requirement : op.path("security")) {
            bearer |= requirement.has("bearer");
        }
        if (!bearer) {
            wrong.add(key + ": no bearer security requirement");
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
        Set<String> expected = new TreeSet<>(List.of("400", "401", "403"));
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
