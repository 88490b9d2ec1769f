package org.arcc.legal.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.arcc.common.audit.AuditAnchor;
import org.arcc.contracts.Topics;
import org.arcc.contracts.audit.AuditHeadsSigned;
import org.arcc.contracts.audit.AuditHeadsSigned.ChainHead;
import org.arcc.custody.CheckpointKeys;
import org.arcc.testing.CloudEventPublisher;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The legal-aid service keeps the cases and evidence services' signed audit heads (as they keep its own), so that a
 * rewrite of their trails by whoever owns their databases contradicts an anchor held here; it refuses heads their keys
 * did not sign, and checks its own trail on demand.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "legal"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class AuditAnchorKeepingTest {

    /** Development keys of cases and evidence (their application.properties): public, they prove nothing. */
    private static final String CASES_DEV_KEY = "MC4CAQAwBQYDK2VwBCIEIFmvN5l6Odbzv8QLY7voGCiR3h2ZNi93y0PI04h5GltC";
    private static final String EVIDENCE_DEV_KEY = "MC4CAQAwBQYDK2VwBCIEIGs9frKOGZrahKmVq8UeT2td6Z/+kP7RBsN1vh/DCsjr";

    @ConfigProperty(name = "arcc.audit.peers.cases.public-key")
    String casesPublicKey;

    @ConfigProperty(name = "arcc.audit.peers.evidence.public-key")
    String evidencePublicKey;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theCasesAndEvidenceServicesSignedHeadsAreKeptAndForgedOnesAreNot() {
        Instant at = Instant.now().minusSeconds(5);
        AuditAnchor cases = AuditAnchor.sign("/arcc/cases", at, heads(), CheckpointKeys.privateKeyFromPkcs8(CASES_DEV_KEY),
                CheckpointKeys.publicKeyFromSpki(casesPublicKey));
        AuditAnchor evidence = AuditAnchor.sign("/arcc/evidence", at, heads(),
                CheckpointKeys.privateKeyFromPkcs8(EVIDENCE_DEV_KEY), CheckpointKeys.publicKeyFromSpki(evidencePublicKey));
        KeyPair insider = CheckpointKeys.generate();
        AuditAnchor forged = AuditAnchor.sign("/arcc/cases", at.plusSeconds(1), heads(), insider.getPrivate(),
                insider.getPublic());
        // Evidence's key does not sign for cases either.
        AuditAnchor wrongPeer = AuditAnchor.sign("/arcc/cases", at.plusSeconds(2), heads(),
                CheckpointKeys.privateKeyFromPkcs8(EVIDENCE_DEV_KEY), CheckpointKeys.publicKeyFromSpki(evidencePublicKey));
        try (CloudEventPublisher publisher = new CloudEventPublisher(bootstrap, "/arcc/cases")) {
            publisher.publish(Topics.ANCHORS, AuditHeadsSigned.TYPE.type(), "/arcc/cases", forged.toEvent());
            publisher.publish(Topics.ANCHORS, AuditHeadsSigned.TYPE.type(), "/arcc/cases", wrongPeer.toEvent());
            publisher.publish(Topics.ANCHORS, AuditHeadsSigned.TYPE.type(), "/arcc/cases", cases.toEvent());
        }
        try (CloudEventPublisher publisher = new CloudEventPublisher(bootstrap, "/arcc/evidence")) {
            publisher.publish(Topics.ANCHORS, AuditHeadsSigned.TYPE.type(), "/arcc/evidence", evidence.toEvent());
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(held("/arcc/cases")).contains(cases.signedAt().toString());
            assertThat(held("/arcc/evidence")).contains(evidence.signedAt().toString());
        });
        assertThat(held("/arcc/cases")).as("forged heads are refused").containsExactly(cases.signedAt().toString());
        given().auth().oauth2(Tokens.platformAdmin()).get("/api/v1/audit/legal/anchors-held?source=/arcc/evidence").then()
                .statusCode(200).body("anchors[0].signature", equalTo(evidence.signatureBase64()))
                .body("anchors[0].heads.size()", equalTo(32));
    }

    @Test
    void theLegalAidServicesOwnTrailIsCheckedOnDemand() {
        given().auth().oauth2(Tokens.platformAdmin()).get("/api/v1/audit/legal/verification").then().statusCode(200)
                .contentType("application/json").body("source", equalTo("/arcc/legal-aid"))
                .body("intact", equalTo(true)).body("scope", equalTo("all"));
        given().auth().oauth2(Tokens.supervisor("KHI")).get("/api/v1/audit/legal/verification").then().statusCode(200)
                .body("scope", equalTo("cell KHI"));
    }

    private static List<ChainHead> heads() {
        List<ChainHead> heads = new ArrayList<>();
        for (int chain = 1; chain <= 32; chain++) {
            heads.add(new ChainHead(chain, chain, String.format("%064x", chain)));
        }
        return heads;
    }

    private static List<String> held(String source) {
        return given().auth().oauth2(Tokens.platformAdmin()).get("/api/v1/audit/legal/anchors-held?source=" + source + "&limit=50")
                .then().statusCode(200).extract().jsonPath().getList("anchors.signedAt", String.class);
    }
}
