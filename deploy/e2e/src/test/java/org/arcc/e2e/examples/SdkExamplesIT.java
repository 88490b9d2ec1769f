package org.arcc.e2e.examples;

import static org.arcc.e2e.Gateway.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.arcc.examples.CellClientExample;
import org.arcc.examples.NgoPartnerExample;
import org.arcc.examples.PlatformEndpoints;
import org.arcc.local.DemoRealm;
import org.arcc.local.KeycloakTokens;
import org.arcc.local.PlatformUnderTest;
import org.arcc.sdk.ArccClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integration kit's runnable examples (deploy/sdk/examples), run as their integrators would run them, against
 * the platform: a partner NGO's system and a cell's API client, each with its own Keycloak client credentials.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(10)
class SdkExamplesIT {

    private static final PlatformEndpoints PLATFORM = new PlatformEndpoints(PlatformUnderTest.gatewayUrl(),
            PlatformUnderTest.keycloakUrl());
    private static final DemoRealm REALM = PlatformUnderTest.tokens().realm();

    @Test
    void thePartnersExampleReferralIsAcceptedItsWebhooksVerifyAndItAnswersTheOnwardReferral() throws Exception {
        ArccClient admin = ArccClient.builder().baseUrl(PLATFORM.gatewayUrl()).password(PLATFORM.keycloakUrl(),
                KeycloakTokens.DEV_CLIENT, "platform.admin", REALM.password("platform.admin")).build();
        String lhe1 = DemoRealm.cellClientId("LHE-1");
        ArccClient cell = ArccClient.builder().baseUrl(PLATFORM.gatewayUrl())
                .clientCredentials(PLATFORM.keycloakUrl(), lhe1, REALM.secret(lhe1)).build();

        NgoPartnerExample.Outcome outcome = NgoPartnerExample.run(new NgoPartnerExample.Settings(PLATFORM,
                KeycloakTokens.DEMO_PARTNER, REALM.secret(KeycloakTokens.DEMO_PARTNER), "e2e-example-secret-" + UUID.randomUUID(),
                "127.0.0.1", 0, "LHE-1", Duration.ofSeconds(90)), admin, cell);

        assertThat(outcome.referralStatusesByWebhook()).contains("RECEIVED", "ACCEPTED");
        assertThat(outcome.deliveriesRefused()).as("webhook deliveries whose signature did not verify").isZero();
        assertThat(outcome.onwardReferral()).isNotNull();
        assertThat(outcome.answered()).extracting(a -> a.getId()).contains(outcome.onwardReferral().getId());
        // The cell sees the case the referral opened, and the partner's answer to the onward referral.
        String caseId = as("lhe1.caseworker").when().get("/api/v1/referrals/" + outcome.referral().getId())
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).extract().path("caseId");
        as("lhe1.caseworker").when().get("/api/v1/cases/" + caseId + "/onward-referrals").then().statusCode(200)
                .body("find { it.id == '" + outcome.onwardReferral().getId() + "' }.status", equalTo("ACCEPTED"));
    }

    @Test
    void theCellClientsExampleOpensACaseRecordsConsentAndServicesAndRegistersAKit() throws Exception {
        String khi = DemoRealm.cellClientId("KHI");
        CellClientExample.Outcome outcome = CellClientExample.run(PLATFORM, khi, REALM.secret(khi), Duration.ofSeconds(90));

        String caseId = outcome.openedCase().getId().toString();
        assertThat(outcome.openedCase().getCell()).isEqualTo("KHI");
        assertThat(outcome.kit().getItem().getRestricted()).isFalse();
        // What the API client recorded is what the cell's staff read.
        as("khi.caseworker").when().get("/api/v1/cases/" + caseId + "/services").then().statusCode(200)
                .body("size()", equalTo(outcome.services().size()));
        as("khi.medical").when().get("/api/v1/evidence/items/" + outcome.kit().getItem().getId()).then().statusCode(200)
                .body("caseId", equalTo(caseId));
        as("lhe1.caseworker").when().get("/api/v1/cases/" + caseId).then().statusCode(404);
    }
}
