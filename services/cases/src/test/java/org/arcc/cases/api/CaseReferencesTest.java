package org.arcc.cases.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.arcc.cases.ACase;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * References are allocated in a transaction of their own (CaseReferences): intakes opened at the same time in
 * one cell still get distinct references, and a token naming a cell that does not exist gets none.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class CaseReferencesTest {

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void intakesOpenedAtOnceInOneCellGetDistinctReferences() throws Exception {
        String token = Tokens.caseWorker("RWP");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                opened.add(pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(ACase.walkIn().body()).post("/api/v1/cases")
                        .then().statusCode(201).extract().<String>path("reference")));
            }
            List<String> references = new ArrayList<>();
            for (Future<String> f : opened) {
                references.add(f.get());
            }
            assertThat(references).doesNotHaveDuplicates().allMatch(r -> r.matches("RWP-\\d{4}-\\d{5}"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTokenNamingACellThatDoesNotExistOpensNothing() {
        given().auth().oauth2(Tokens.caseWorker("ZZZ")).contentType(ContentType.JSON).body(ACase.walkIn().body())
                .when().post("/api/v1/cases")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("Your token names a cell that does not exist"));
    }
}
