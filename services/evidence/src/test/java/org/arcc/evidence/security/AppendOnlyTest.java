package org.arcc.evidence.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.arcc.evidence.CaseFacts;
import org.arcc.evidence.EvidenceApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The custody log can only grow. No endpoint updates or deletes anything under /api/v1/evidence (adding one
 * fails this test), and the service's own database role cannot rewrite the log, the tree or a checkpoint.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class AppendOnlyTest {

    @Inject
    EntityManager em;

    @Test
    void theApiHasNoUpdateAndNoDelete() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().path("paths");
        assertThat(paths).isNotEmpty();
        List<String> writes = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(verb -> List.of("put", "patch", "delete").contains(verb))
                .forEach(verb -> writes.add(verb.toUpperCase() + " " + path)));
        assertThat(writes).as("update or delete operations").isEmpty();
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            given().auth().oauth2(Tokens.supervisor("KHI")).request(method, EvidenceApi.ITEMS + "/" + UUID.randomUUID()
                    + "/custody").then().statusCode(org.hamcrest.Matchers.oneOf(404, 405));
        }
    }

    @Test
    void theServiceCannotRewriteTheLogTheTreeOrACheckpoint() {
        UUID caseId = CaseFacts.openedWithConsents("KHI", "EVIDENCE_COLLECTION");
        String item = EvidenceApi.register(Tokens.medicalOfficer("KHI"), caseId, "HAIR");
        given().auth().oauth2(Tokens.medicalOfficer("KHI")).get(EvidenceApi.ITEMS + "/" + item + "/bundle").then()
                .statusCode(200);
        for (String sql : List.of(
                "UPDATE custody_entry SET recorded_at = now() WHERE item_id = '" + item + "'",
                "DELETE FROM custody_entry WHERE item_id = '" + item + "'",
                "UPDATE merkle_node SET hash = repeat('0', 64) WHERE level = 0",
                "DELETE FROM merkle_node WHERE level = 0",
                "UPDATE signed_checkpoint SET root_hash = repeat('0', 64)",
                "DELETE FROM signed_checkpoint")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate()))
                    .as(sql).hasStackTraceContaining("is append-only");
        }
    }
}
