package org.arcc.e2e.journeys;

import static org.arcc.e2e.Gateway.PROBLEM;
import static org.arcc.e2e.Gateway.as;
import static org.arcc.e2e.Gateway.asPartner;
import static org.arcc.e2e.journeys.JourneySteps.EVENTUALLY;
import static org.arcc.e2e.journeys.JourneySteps.consent;
import static org.arcc.e2e.journeys.JourneySteps.custody;
import static org.arcc.e2e.journeys.JourneySteps.kit;
import static org.arcc.e2e.journeys.JourneySteps.kitNumber;
import static org.arcc.e2e.journeys.JourneySteps.registerItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.arcc.e2e.PartnerWebhookEndpoint;
import org.arcc.e2e.PartnerWebhookEndpoint.Delivery;
import org.arcc.local.PlatformUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 3 (JOURNEYS.md), through the gateway with real Keycloak tokens: a partner NGO (client credentials of
 * {@code ngo-demo}) refers a woman assaulted two days ago to {@code LHE-1} with a consent attestation; the cell
 * accepts, a case opens linked to the referral, the NGO's own webhook endpoint receives "accepted" signed, and the
 * NGO never sees the case. She consents to exam and evidence collection but not to testing: her kit is restricted and
 * cannot go to a lab; when she consents to testing it is released, and the custody log shows both facts.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(3)
class NgoReferralJourneyIT {

    @Test
    void theCellAcceptsTheNgosReferralTheNgoSeesOnlyItsStatusAndTheKitWaitsForConsentToTesting() throws Exception {
        String secret = "e2e-webhook-secret-" + UUID.randomUUID();
        try (PartnerWebhookEndpoint ngo = new PartnerWebhookEndpoint()) {
            as("platform.admin").body(Map.of("url", ngo.url(), "secret", secret))
                    .when().put("/api/v1/partners/" + org.arcc.local.KeycloakTokens.DEMO_PARTNER + "/webhook")
                    .then().statusCode(204);

            // The NGO's system refers her: codes and the attestation only.
            String reference = "HELPLINE-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
            String referralId = asPartner().body(Map.of("cell", "LHE-1", "ageBand", "ADULT_25_59", "incidentCategory",
                    "RAPE", "consentAttested", true, "partnerReference", reference))
                    .when().post("/api/v1/referrals")
                    .then().statusCode(201).body("status", equalTo("RECEIVED")).body("caseId", nullValue())
                    .extract().path("id");
            // Without the survivor's consent there is no referral at all.
            asPartner().body(Map.of("cell", "LHE-1", "ageBand", "ADULT_25_59", "incidentCategory", "RAPE",
                    "consentAttested", false)).when().post("/api/v1/referrals")
                    .then().statusCode(400).contentType(PROBLEM);

            // The cell accepts it; a case opens, linked to the referral.
            String caseId = as("lhe1.caseworker").when().post("/api/v1/referrals/" + referralId + "/acceptance")
                    .then().statusCode(200).body("status", equalTo("ACCEPTED")).extract().path("caseId");
            assertThat(caseId).isNotNull();
            as("lhe1.caseworker").when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                    .body("cell", equalTo("LHE-1")).body("channel", equalTo("NGO_REFERRAL"))
                    .body("incidentType", equalTo("RAPE"));

            // The NGO's endpoint receives "accepted", signed with the shared secret.
            Delivery accepted = await().atMost(EVENTUALLY).until(() -> ngo.received().stream()
                    .filter(d -> d.body().contains(referralId) && d.body().contains("\"ACCEPTED\"")).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            assertThat(signedWith(secret, accepted)).as("X-Arcc-Signature verifies with the partner's secret").isTrue();
            assertThat(signedWith("another-secret-of-32-characters-or-more", accepted)).isFalse();
            assertThat(accepted.body()).contains(reference).doesNotContain(caseId);

            // The NGO sees its referral's status, never the case or its contents.
            asPartner().when().get("/api/v1/referrals/" + referralId).then().statusCode(200)
                    .body("status", equalTo("ACCEPTED")).body("caseId", nullValue());
            asPartner().when().get("/api/v1/cases/" + caseId).then().statusCode(403).contentType(PROBLEM);
            asPartner().when().get("/api/v1/cases/" + caseId + "/consents").then().statusCode(403).contentType(PROBLEM);
            asPartner().when().get("/api/v1/evidence/items?caseId=" + caseId).then().statusCode(403).contentType(PROBLEM);

            kitRestrictedUntilConsentToTesting(caseId);
        }
    }

    /** Consent to exam and collection, not to testing or police: the kit is restricted until she consents to testing. */
    private static void kitRestrictedUntilConsentToTesting(String caseId) {
        consent("lhe1.caseworker", caseId, "MEDICAL_EXAM", "SURVIVOR");
        consent("lhe1.caseworker", caseId, "EVIDENCE_COLLECTION", "SURVIVOR");
        String kitNumber = kitNumber("LHE-1");
        String itemId = registerItem("lhe1.medical", kit(caseId, "SWABS", kitNumber, "LHE1-SEAL-3",
                Instant.now().minus(Duration.ofHours(1))))
                .then().body("item.restricted", equalTo(true)).extract().path("item.id");

        as("lhe1.medical").body(Map.of("action", "SUBMITTED_TO_LAB", "to", "custodian:forensic-lab-demo", "courier", "rider"))
                .when().post("/api/v1/evidence/items/" + itemId + "/custody")
                .then().statusCode(422).contentType(PROBLEM);

        // Three weeks later she consents to testing: the kit is released to the lab.
        consent("lhe1.caseworker", caseId, "EVIDENCE_TESTING", "SURVIVOR");
        await().atMost(EVENTUALLY).until(() -> Boolean.FALSE.equals(
                as("lhe1.medical").when().get("/api/v1/evidence/items/" + itemId).then().extract().path("restricted")));
        custody("lhe1.medical", itemId, Map.of("action", "SUBMITTED_TO_LAB", "to", "custodian:forensic-lab-demo",
                "courier", "rider"));
        custody("lab.custodian", itemId, Map.of("action", "RECEIVED", "sealIntact", true, "sealNumber", "LHE1-SEAL-3",
                "condition", "intact"));

        List<String> log = as("lhe1.medical").when().get("/api/v1/evidence/items/" + itemId + "/custody")
                .then().statusCode(200).extract().path("action");
        assertThat(log).containsExactly("COLLECTED", "RELEASED_FOR_TESTING", "SUBMITTED_TO_LAB", "RECEIVED");
        as("lhe1.medical").when().get("/api/v1/evidence/items/" + itemId + "/custody")
                .then().body("[0].entry.details.restricted", equalTo("true"));
    }

    /** The scheme of docs/integrations: {@code sha256=} hex HMAC-SHA256 of {@code "<timestamp>.<body>"}. */
    private static boolean signedWith(String secret, Delivery delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(
                mac.doFinal((delivery.timestamp() + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
        return delivery.signature() != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                delivery.signature().getBytes(StandardCharsets.UTF_8));
    }
}
