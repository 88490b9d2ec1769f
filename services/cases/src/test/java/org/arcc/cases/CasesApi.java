package org.arcc.cases;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** Small steps through the cases API that many tests share. */
public final class CasesApi {

    private CasesApi() {
    }

    /** Opens a case as the given caller; returns its id. */
    public static String openCase(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(ACase.walkIn().body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    /** Records an adult survivor's consent for a purpose; returns the consent id. */
    public static String giveConsent(String token, String caseId, String purpose) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(java.util.Map.of("purpose", purpose, "givenBy", "SURVIVOR"))
                .post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
    }

    /** Records an adult survivor's consent to share with a named partner; returns the consent id. */
    public static String giveSharingConsent(String token, String caseId, String partner) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(java.util.Map.of("purpose", "SHARING", "givenBy", "SURVIVOR", "recipient", partner))
                .post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
    }

    /** An onward referral from a fresh case of {@code cell} to {@code partner}, with the consent it needs; returns its id. */
    public static String onwardReferralTo(String partner, String cell) {
        String token = org.arcc.testing.Tokens.caseWorker(cell);
        String caseId = openCase(token);
        giveSharingConsent(token, caseId, partner);
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(java.util.Map.of("partner", partner, "serviceKind", "SHELTER", "urgency", "PRIORITY",
                        "sexGender", "FEMALE"))
                .post("/api/v1/cases/" + caseId + "/onward-referrals").then().statusCode(201).extract().path("id");
    }

    /** Proposes moving a case to another cell; returns the transfer id. */
    public static String proposeTransfer(String token, String caseId, String toCell) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(java.util.Map.of("toCell", toCell))
                .post("/api/v1/cases/" + caseId + "/transfers").then().statusCode(201).extract().path("id");
    }

    /** A transfer from {@code fromCell} to {@code toCell} of a fresh case, waiting for a decision; returns its id. */
    public static String transferWaitingFor(String fromCell, String toCell) {
        String token = org.arcc.testing.Tokens.caseWorker(fromCell);
        return proposeTransfer(token, openCase(token), toCell);
    }

    /** A partner's referral to a cell, waiting for the cell's decision; returns its id. */
    public static String referralTo(String partner, String cell) {
        return given().auth().oauth2(org.arcc.testing.Tokens.partner(partner)).contentType(ContentType.JSON)
                .body(java.util.Map.of("cell", cell, "ageBand", "ADULT_25_59", "incidentCategory", "RAPE",
                        "consentAttested", true, "partnerReference", "HL-" + java.util.UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/referrals").then().statusCode(201).extract().path("id");
    }

    /** Opens a case and records an identity for it; returns the case id. */
    public static String openCaseWithIdentity(String token, AnIdentity identity) {
        String id = openCase(token);
        // Accepting only the problem type, as a client generated from the API document does for a 204 operation.
        given().auth().oauth2(token).contentType(ContentType.JSON).accept("application/problem+json").body(identity.body())
                .put("/api/v1/cases/" + id + "/identity").then().statusCode(204);
        return id;
    }
}
