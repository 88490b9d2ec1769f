package org.arcc.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.arcc.sdk.ScriptedHttpPeer.Answer;
import org.arcc.sdk.ScriptedHttpPeer.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OidcTokens against a real HTTP server answering as Keycloak's token endpoint does; time from a test clock. */
class OidcTokensTest {

    private final ScriptedHttpPeer keycloak;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T04:00:00Z"));

    OidcTokensTest() throws Exception {
        keycloak = new ScriptedHttpPeer();
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    @Test
    void clientCredentialsTokenIsReusedUntilShortlyBeforeItExpiresThenAskedForAgain() {
        keycloak.then(Answer.json(200, "{\"access_token\":\"a1\",\"expires_in\":300,\"token_type\":\"Bearer\"}"))
                .then(Answer.json(200, "{\"access_token\":\"a2\",\"expires_in\":300,\"token_type\":\"Bearer\"}"));
        OidcTokens tokens = OidcTokens.clientCredentials(keycloak.uri("/realms/arcc/protocol/openid-connect/token"),
                "ngo-demo", "s3cret&=", clock);

        assertThat(tokens.accessToken()).isEqualTo("a1");
        clock.advance(Duration.ofSeconds(269));
        assertThat(tokens.accessToken()).isEqualTo("a1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.accessToken()).as("30 s before expiry it is renewed").isEqualTo("a2");

        assertThat(keycloak.received()).hasSize(2);
        Received first = keycloak.received().get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/realms/arcc/protocol/openid-connect/token");
        assertThat(first.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(first.body()).isEqualTo("grant_type=client_credentials&client_id=ngo-demo&client_secret=s3cret%26%3D");
    }

    @Test
    void passwordGrantRenewsWithItsRefreshTokenAndAsksAgainWhenTheRefreshIsRefused() {
        keycloak.then(Answer.json(200, "{\"access_token\":\"a1\",\"expires_in\":60,\"refresh_token\":\"r1\",\"refresh_expires_in\":1800}"))
                .then(Answer.json(200, "{\"access_token\":\"a2\",\"expires_in\":60,\"refresh_token\":\"r2\",\"refresh_expires_in\":1800}"))
                .then(Answer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}"))
                .then(Answer.json(200, "{\"access_token\":\"a3\",\"expires_in\":60,\"refresh_token\":\"r3\",\"refresh_expires_in\":1800}"));
        OidcTokens tokens = OidcTokens.password(keycloak.uri("/token"), "arcc-cli", "khi.caseworker", "Demo-Passw0rd!", clock);

        assertThat(tokens.accessToken()).isEqualTo("a1");
        clock.advance(Duration.ofSeconds(31));
        assertThat(tokens.accessToken()).isEqualTo("a2");
        clock.advance(Duration.ofSeconds(31));
        assertThat(tokens.accessToken()).isEqualTo("a3");

        assertThat(keycloak.received()).extracting(Received::body).containsExactly(
                "grant_type=password&client_id=arcc-cli&username=khi.caseworker&password=Demo-Passw0rd%21",
                "grant_type=refresh_token&client_id=arcc-cli&refresh_token=r1",
                "grant_type=refresh_token&client_id=arcc-cli&refresh_token=r2",
                "grant_type=password&client_id=arcc-cli&username=khi.caseworker&password=Demo-Passw0rd%21");
    }

    @Test
    void anInvalidatedTokenIsNotSentAgain() {
        keycloak.then(Answer.json(200, "{\"access_token\":\"a1\",\"expires_in\":300}"))
                .then(Answer.json(200, "{\"access_token\":\"a2\",\"expires_in\":300}"));
        OidcTokens tokens = OidcTokens.clientCredentials(keycloak.uri("/token"), "cell-khi-api", "x", clock);
        assertThat(tokens.accessToken()).isEqualTo("a1");
        tokens.invalidate();
        assertThat(tokens.accessToken()).isEqualTo("a2");
    }

    @Test
    void aRefusalNamesTheOAuthErrorButNeverTheSecret() {
        keycloak.then(Answer.json(401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client secret\"}"));
        OidcTokens tokens = OidcTokens.clientCredentials(keycloak.uri("/token"), "ngo-demo", "wrong-secret-value", clock);

        assertThatThrownBy(tokens::accessToken).isInstanceOfSatisfying(OidcTokens.TokenRefused.class, refused -> {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.error()).isEqualTo("unauthorized_client");
            assertThat(refused.getMessage()).contains("ngo-demo").doesNotContain("wrong-secret-value");
        });
    }

    @Test
    void theTokenEndpointIsRealmArccOnTheGivenKeycloak() {
        assertThat(OidcTokens.tokenEndpoint("http://localhost:8180/").toString())
                .isEqualTo("http://localhost:8180/realms/arcc/protocol/openid-connect/token");
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
