package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import org.arcc.common.openapi.ApiDocumentFilter;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.OpenApiDocuments;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOperationHasASummarySecurityAnExampleAndItsProblemResponses() throws Exception {
        String text = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), text); // to read when this fails
        JsonNode document = JSON.readTree(text);

        Set<String> operations = OpenApiDocuments.operations(document);
        assertThat(operations).as("operations documented").hasSizeGreaterThanOrEqualTo(38);
        assertThat(OpenApiDocuments.gaps(document, Set.of())).as("operations described incompletely").isEmpty();
        assertThat(OpenApiDocuments.examplesRefusedBySchemas(document)).as("examples their schemas refuse").isEmpty();

        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ApiDocumentFilter.EXAMPLES)) {
            Set<String> examples = new TreeSet<>();
            JSON.readTree(in).fieldNames().forEachRemaining(examples::add);
            assertThat(examples).as("every example names an operation, and every operation has one")
                    .isEqualTo(operations);
        }
    }
}
