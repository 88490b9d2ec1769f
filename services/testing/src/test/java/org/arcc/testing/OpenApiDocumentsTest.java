package org.arcc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the document checks find that a generated client would suffer from: tags without a description, X1 schemas. */
@UnitTest
class OpenApiDocumentsTest {

    private static JsonNode document(String tags, String operationTag, String schemas) throws Exception {
        return new ObjectMapper().readTree("""
                {"tags": %s,
                 "paths": {"/api/v1/things": {"get": {"operationId": "listThings", "tags": ["%s"]}}},
                 "components": {"schemas": %s}}""".formatted(tags, operationTag, schemas));
    }

    @Test
    void anOperationsTagMustBeADescribedTagOfTheDocument() throws Exception {
        assertThat(OpenApiDocuments.gaps(document("[]", "Things Resource", "{}"), Set.of()))
                .contains("GET /api/v1/things: its tag Things Resource is not a described tag of the document");
        assertThat(OpenApiDocuments.gaps(document("[{\"name\": \"Things\", \"description\": \"What there is\"}]",
                "Things", "{}"), Set.of())).noneMatch(gap -> gap.contains("tag"));
    }

    @Test
    void twoSchemasOfOneNameAreFound() throws Exception {
        assertThat(OpenApiDocuments.gaps(document("[]", "Things", "{\"DeclineRequest\": {}, \"DeclineRequest1\": {}}"),
                Set.of())).contains("schemas DeclineRequest and DeclineRequest1 are two classes of one name: name them apart");
        assertThat(OpenApiDocuments.gaps(document("[]", "Things", "{\"Sha256\": {}}"), Set.of()))
                .noneMatch(gap -> gap.contains("schemas"));
    }
}
