package org.arcc.evidence.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The evidence service keeps the cases service's signed audit heads, so that a rewrite of the cases trail by
 * whoever owns the cases database contradicts an anchor held here; it refuses heads the cases key did not sign,
 * and checks its own trail on demand.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class AuditAnchorKeepingTest {

    /** The cases service's development key (services/cases application.properties): public, proves nothing. */
    private static final String CASES_DEV_KEY = "MC4CAQAwBQYDK2VwBCIEIFmvN5l6Odbzv8QLY7voGCiR3h2ZNi93y0PI04h5GltC";

    @ConfigProperty(name = "arcc.audit.peers.cases.public-key")
    String casesPublicKey;

    /** The legal-aid service's development key (services/legal-aid application.properties): public, proves nothing. */
    private static final String LEGAL_DEV_KEY = "MC4CAQAwBQYDK2VwBCIEIKCDuTncqEjKnMU0N+hjgH1G43vig7STn7xAeA32J5jj";

    @ConfigProperty(name = "arcc.audit.peers.legal.public-key")
    String legalPublicKey;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theCasesServicesSignedHeadsAreKeptAndForgedOnesAreNot() {
        Instant at = Instant.now().minusSeconds(5);
        List<ChainHead> heads = new ArrayList<>();
        for (int chain = 1; chain <= 32; chain++) {
            heads.add(new ChainHead(chain, chain, String.format("%064x", chain)));
        }
        AuditAnchor genuine = AuditAnchor.sign("/arcc/cases", at, heads, CheckpointKeys.privateKeyFromPkcs8(CASES_DEV_KEY),
                CheckpointKeys.publicKeyFromSpki(casesPublicKey));
        KeyPair insider = CheckpointKeys.generate();
        AuditAnchor forged = AuditAnchor.sign("/arcc/cases", at.plusSeconds(1), heads, insider.getPrivate(), insider.getPublic());
        try (CloudEventPublisher cases = new CloudEventPublisher(bootstrap, "/arcc/cases")) {
            cases.publish(Topics.ANCHORS, AuditHeadsSigned.TYPE.type(), "/arcc/cases", forged.toEvent());
            cases.publish(Topics.ANCHORS, AuditHeadsSigned.TYPE.type(), "/arcc/cases", genuine.toEvent());
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(held()).contains(genuine.signedAt().toString()));
        assertThat(held()).as("the forged heads are refused").containsExactly(genuine.signedAt().toString());
        given().auth().oauth2(Tokens.platformAdmin()).get("/api/v1/audit/evidence/anchors-held?source=/arcc/cases").then()
                .statusCode(200).body("anchors[0].signature", org.hamcrest.Matchers.equalTo(genuine.signatureBase64()))
                .body("anchors[0].heads.size()", org.hamcrest.Matchers.equalTo(32));
    }

    @Test
    void theLegalAidServicesSignedHeadsAreKeptToo() {
        Instant at = Instant.now().minusSeconds(5);
        List<ChainHead> heads = new ArrayList<>();
        for (int chain = 1; chain <= 32; chain++) {
            heads.add(new ChainHead(chain, chain + 100, String.format("%064x", chain + 100)));
        }
        AuditAnchor genuine = AuditAnchor.sign("/arcc/legal-aid", at, heads, CheckpointKeys.privateKeyFromPkcs8(LEGAL_DEV_KEY),
                CheckpointKeys.publicKeyFromSpki(legalPublicKey));
        KeyPair insider = CheckpointKeys.generate();
        AuditAnchor forged = AuditAnchor.sign("/arcc/legal-aid", at.plusSeconds(1), heads, insider.getPrivate(), insider.getPublic());
        try (CloudEventPublisher legal = new CloudEventPublisher(bootstrap, "/arcc/legal-aid")) {
            legal.publish(Topics.ANCHORS, AuditHeadsSigned.TYPE.type(), "/arcc/legal-aid", forged.toEvent());
            legal.publish(Topics.ANCHORS, AuditHeadsSigned.TYPE.type(), "/arcc/legal-aid", genuine.toEvent());
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(held("/arcc/legal-aid"))
                .contains(genuine.signedAt().toString()));
        assertThat(held("/arcc/legal-aid")).as("the forged heads are refused").containsExactly(genuine.signedAt().toString());
    }

    @Test
    void theEvidenceServicesOwnTrailIsCheckedOnDemand() {
        given().auth().oauth2(Tokens.platformAdmin()).get("/api/v1/audit/evidence/verification").then().statusCode(200)
                .contentType("application/json").body("source", org.hamcrest.Matchers.equalTo("/arcc/evidence"))
                .body("intact", org.hamcrest.Matchers.equalTo(true)).body("scope", org.hamcrest.Matchers.equalTo("all"));
        given().auth().oauth2(Tokens.supervisor("KHI")).get("/api/v1/audit/evidence/verification").then().statusCode(200)
                .body("scope", org.hamcrest.Matchers.equalTo("cell KHI"));
    }

    private static List<String> held() {
        return held("/arcc/cases");
    }

    private static List<String> held(String source) {
        return given().auth().oauth2(Tokens.platformAdmin()).get("/api/v1/audit/evidence/anchors-held?source=" + source + "&limit=50")
                .then().statusCode(200).extract().jsonPath().getList("anchors.signedAt", String.class);
    }
}
