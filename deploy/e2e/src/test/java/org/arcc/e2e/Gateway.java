package org.arcc.e2e;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.arcc.local.PlatformUnderTest;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Requests through the platform's gateway, as the people and systems of the journeys: a demo user of the local
 * realm, a cell's API client, the demo partner NGO, or nobody. Tokens come from the real Keycloak
 * ({@link PlatformUnderTest#tokens()}); every POST carries a fresh {@code Idempotency-Key}, as clients must.
 */
public final class Gateway {

    /** The media type of every refusal (RFC 9457). */
    public static final String PROBLEM = "application/problem+json";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Gateway() {
    }

    /** As a demo user, e.g. {@code as("khi.caseworker")}. */
    public static RequestSpecification as(String username) {
        return with(PlatformUnderTest.tokens().user(username));
    }

    /** As the demo partner NGO's API client (client credentials). */
    public static RequestSpecification asPartner() {
        return with(PlatformUnderTest.tokens().partner());
    }

    /** Without a token (the survivor's status lookup is public). */
    public static RequestSpecification anonymous() {
        return given().baseUri(PlatformUnderTest.gatewayUrl()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static RequestSpecification with(String token) {
        return anonymous().auth().oauth2(token);
    }
}
