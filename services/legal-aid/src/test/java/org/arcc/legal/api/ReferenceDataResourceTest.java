package org.arcc.legal.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.arcc.legal.domain.Reference;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The reference data the legal file's forms choose from, all or one district's (happy paths; refusals are in the matrix and BadInputTest). */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "legal"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ReferenceDataResourceTest {

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void policeStationsOfADistrictOrAll() {
        given().auth().oauth2(Tokens.caseWorker("KHI")).queryParam("district", "karachi").get("/api/v1/legal/police-stations")
                .then().statusCode(200).body("size()", equalTo(2)).body("district", everyItem(equalTo("Karachi")))
                .body("id", hasItem("ps-khi-women-saddar"));
        given().auth().oauth2(Tokens.legalOfficer("KHI")).get("/api/v1/legal/police-stations").then().statusCode(200)
                .body("size()", equalTo(10)).body("district", hasItem("Rawalpindi"));
    }

    @Test
    void theDistrictsInvestigationUnit() {
        given().auth().oauth2(Tokens.legalOfficer("LHE-2")).queryParam("district", "Lahore")
                .get("/api/v1/legal/investigation-units").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].id", equalTo("ssoiu-lhe"));
    }

    @Test
    void thePanelListsActiveLawyersOnly() {
        QuarkusTransaction.requiringNew().run(() -> Reference.PanelLawyer.getEntityManager().createNativeQuery(
                "INSERT INTO panel_lawyer (id, name, enrolment, district, active) VALUES "
                        + "('lawyer-mux-retired', 'Advocate Retired', 'LHC-MUX-1', 'Multan', false) ON CONFLICT DO NOTHING")
                .executeUpdate());
        given().auth().oauth2(Tokens.supervisor("MUX")).queryParam("district", "Multan").get("/api/v1/legal/lawyers")
                .then().statusCode(200).body("size()", equalTo(2)).body("id", not(hasItem("lawyer-mux-retired")))
                .body("enrolment", hasItem("LHC-MUX-40120"));
    }
}
