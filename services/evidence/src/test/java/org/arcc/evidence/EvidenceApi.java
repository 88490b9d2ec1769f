package org.arcc.evidence;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Small steps through the evidence API that many tests share. */
public final class EvidenceApi {

    public static final String ITEMS = "/api/v1/evidence/items";

    private EvidenceApi() {
    }

    /** Registers a sealed item of the type for the case, collected an hour ago; returns its id. */
    public static String register(String token, UUID caseId, String type) {
        return registerCollectedAt(token, caseId, type, Instant.now().minusSeconds(3600)).then().statusCode(201)
                .extract().path("item.id");
    }

    public static Response registerCollectedAt(String token, UUID caseId, String type, Instant collectedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId.toString());
        body.put("type", type);
        body.put("sealNumber", "S-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        body.put("collectedAt", collectedAt.toString());
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(ITEMS);
    }

    /** Records a custody step; returns the response for the caller to check. */
    public static Response step(String token, String itemId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(ITEMS + "/" + itemId + "/custody");
    }

    public static Map<String, Object> handOver(String to) {
        return Map.of("action", "TRANSFERRED", "to", to, "courier", "Constable badge 4411");
    }

    public static Map<String, Object> receipt(String sealNumber) {
        return Map.of("action", "RECEIVED", "sealIntact", true, "sealNumber", sealNumber, "condition", "dry, box intact");
    }

    /** The item's current seal number. */
    public static String sealOf(String token, String itemId) {
        return given().auth().oauth2(token).get(ITEMS + "/" + itemId).then().statusCode(200).extract().path("sealNumber");
    }

    /** Hands the item from {@code fromToken}'s holder to {@code to}, and {@code toToken} receives it intact. */
    public static void move(String fromToken, String itemId, String to, String toToken) {
        String seal = sealOf(fromToken, itemId);
        step(fromToken, itemId, handOver(to)).then().statusCode(201);
        step(toToken, itemId, receipt(seal)).then().statusCode(201);
    }
}
