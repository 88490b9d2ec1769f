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
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.arcc.examples.PartnerWebhookEndpoint;
import org.arcc.local.KeycloakTokens;
import org.arcc.local.PlatformUnderTest;
import org.arcc.sdk.ArccClient;
import org.arcc.sdk.ArccProblem;
import org.arcc.sdk.cases.api.CasesApi;
import org.arcc.sdk.cases.api.ConsentApi;
import org.arcc.sdk.cases.api.ReferralsApi;
import org.arcc.sdk.cases.model.AgeBand;
import org.arcc.sdk.cases.model.IncidentCategory;
import org.arcc.sdk.cases.model.ReferralRequest;
import org.arcc.sdk.cases.model.ReferralView;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 3 (JOURNEYS.md), through the gateway with real Keycloak tokens: a partner NGO's system (the Java SDK with
 * the client credentials of {@code ngo-demo}, and its own webhook endpoint) refers a woman assaulted two days ago to
 * {@code LHE-1} with a consent attestation; the cell accepts, a case opens linked to the referral, the NGO's endpoint
 * receives "accepted" signed, and the NGO never sees the case. She consents to exam and evidence collection but not to testing: her kit is restricted and
 * cannot go to a lab; when she consents to testing it is released, and the custody log shows both facts.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(3)
class NgoReferralJourneyIT {

    @Test
    void theCellAcceptsTheNgosReferralTheNgoSeesOnlyItsStatusAndTheKitWaitsForConsentToTesting() throws Exception {
        // The NGO's system: the Java SDK with its client credentials, and its own endpoint verifying signatures.
        ArccClient ngo = ArccClient.builder().baseUrl(PlatformUnderTest.gatewayUrl())
                .clientCredentials(PlatformUnderTest.keycloakUrl(), KeycloakTokens.DEMO_PARTNER,
                        PlatformUnderTest.tokens().realm().secret(KeycloakTokens.DEMO_PARTNER))
                .build();
        ReferralsApi referrals = new ReferralsApi(ngo.cases());
        String secret = "e2e-webhook-secret-" + UUID.randomUUID();
        try (PartnerWebhookEndpoint endpoint = PartnerWebhookEndpoint.start("127.0.0.1", 0, secret, delivery -> { })) {
            as("platform.admin").body(Map.of("url", endpoint.url("127.0.0.1"), "secret", secret))
                    .when().put("/api/v1/partners/" + KeycloakTokens.DEMO_PARTNER + "/webhook")
                    .then().statusCode(204);

            // The NGO refers her: codes and the consent attestation only.
            String reference = "HELPLINE-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
            ReferralView sent = referrals.sendReferral(new ReferralRequest().cell("LHE-1").ageBand(AgeBand.ADULT_25_59)
                    .incidentCategory(IncidentCategory.RAPE).consentAttested(true).partnerReference(reference), null);
            assertThat(sent.getStatus()).isEqualTo("RECEIVED");
            assertThat(sent.getCaseId()).isNull();
            String referralId = sent.getId().toString();
            // Without the survivor's consent there is no referral at all.
            ArccProblem unattested = catchThrowableOfType(ArccProblem.class, () -> referrals.sendReferral(new ReferralRequest()
                    .cell("LHE-1").ageBand(AgeBand.ADULT_25_59).incidentCategory(IncidentCategory.RAPE)
                    .consentAttested(false), null));
            assertThat(unattested.status()).isEqualTo(400);

            // The cell accepts it; a case opens, linked to the referral.
            String caseId = as("lhe1.caseworker").when().post("/api/v1/referrals/" + referralId + "/acceptance")
                    .then().statusCode(200).body("status", equalTo("ACCEPTED")).extract().path("caseId");
            assertThat(caseId).isNotNull();
            as("lhe1.caseworker").when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                    .body("cell", equalTo("LHE-1")).body("channel", equalTo("NGO_REFERRAL"))
                    .body("incidentType", equalTo("RAPE"));

            // The NGO's endpoint receives "accepted", its X-Arcc-Signature valid for the shared secret.
            PartnerWebhookEndpoint.Delivery accepted = await().atMost(EVENTUALLY).until(() -> endpoint.verified().stream()
                    .filter(d -> d.isAbout(referralId) && "ACCEPTED".equals(d.status())).findFirst(), Optional::isPresent)
                    .orElseThrow();
            assertThat(endpoint.refused()).as("deliveries whose signature did not verify").isZero();
            assertThat(accepted.body().path("partnerReference").asText()).isEqualTo(reference);
            assertThat(accepted.body().toString()).doesNotContain(caseId);

            // The NGO sees its referral's status, never the case or its contents.
            ReferralView polled = referrals.getReferral(sent.getId());
            assertThat(polled.getStatus()).isEqualTo("ACCEPTED");
            assertThat(polled.getCaseId()).isNull();
            UUID theCase = UUID.fromString(caseId);
            assertThat(catchThrowableOfType(ArccProblem.class, () -> new CasesApi(ngo.cases()).getCase(theCase, null))
                    .status()).isEqualTo(403);
            assertThat(catchThrowableOfType(ArccProblem.class, () -> new ConsentApi(ngo.cases()).listConsents(theCase))
                    .status()).isEqualTo(403);
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
}
