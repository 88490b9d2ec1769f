package org.arcc.sdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The entry point of the Java SDK: one object per identity (a partner, a cell's API client, a person in tests)
 * that hands out the generated API clients of the four services, all talking to the platform through the gateway
 * with {@link ArccHttpClient}'s tokens, {@code Idempotency-Key}s, safe retries and {@link ArccProblem}s.
 *
 * <pre>{@code
 * ArccClient arcc = ArccClient.builder()
 *         .baseUrl("http://localhost:8080")                                    // the gateway
 *         .clientCredentials("http://localhost:8180", "ngo-demo", secret)    // Keycloak, realm arcc
 *         .build();
 * ReferralsApi referrals = new ReferralsApi(arcc.cases());
 * ReferralView sent = referrals.createReferral(new CreateReferralRequest()...);
 * }</pre>
 *
 * A refusal surfaces as {@link ArccProblem} (unchecked) from any generated method; the generated
 * {@code ApiException}s they declare are left for failures the platform did not answer (e.g. an unreadable body).
 */
public final class ArccClient {

    private final URI baseUrl;
    private final TokenSource tokens;
    private final RetryPolicy retries;
    private final Duration readTimeout;
    private final RetryPolicy.Sleeper sleeper;

    private ArccClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.tokens = builder.tokens;
        this.retries = builder.retries;
        this.readTimeout = builder.readTimeout;
        this.sleeper = builder.sleeper;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The gateway's URL, e.g. {@code http://localhost:8080}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** For the cases service's APIs ({@code org.arcc.sdk.cases.api}): cases, consent, services, referrals, cells. */
    public org.arcc.sdk.cases.ApiClient cases() {
        org.arcc.sdk.cases.ApiClient client = new org.arcc.sdk.cases.ApiClient();
        client.setHttpClientBuilder(httpClientBuilder()).setReadTimeout(readTimeout).updateBaseUri(base());
        return client;
    }

    /** For the evidence service's APIs ({@code org.arcc.sdk.evidence.api}): kits and their chain of custody. */
    public org.arcc.sdk.evidence.ApiClient evidence() {
        org.arcc.sdk.evidence.ApiClient client = new org.arcc.sdk.evidence.ApiClient();
        client.setHttpClientBuilder(httpClientBuilder()).setReadTimeout(readTimeout).updateBaseUri(base());
        return client;
    }

    /** For the legal-aid service's APIs ({@code org.arcc.sdk.legal.api}): legal files, FIRs, hearings. */
    public org.arcc.sdk.legal.ApiClient legal() {
        org.arcc.sdk.legal.ApiClient client = new org.arcc.sdk.legal.ApiClient();
        client.setHttpClientBuilder(httpClientBuilder()).setReadTimeout(readTimeout).updateBaseUri(base());
        return client;
    }

    /** For the reporting service's APIs ({@code org.arcc.sdk.reporting.api}): the published statistics. */
    public org.arcc.sdk.reporting.ApiClient reporting() {
        org.arcc.sdk.reporting.ApiClient client = new org.arcc.sdk.reporting.ApiClient();
        client.setHttpClientBuilder(httpClientBuilder()).setReadTimeout(readTimeout).updateBaseUri(base());
        return client;
    }

    /** A plain JDK client with the same behaviour, for requests you build yourself (relative to {@link #baseUrl()}). */
    public HttpClient http() {
        return httpClientBuilder().build();
    }

    /** The token this client sends now (e.g. to call something the SDK does not cover). */
    public String accessToken() {
        return tokens == null ? null : tokens.accessToken();
    }

    private HttpClient.Builder httpClientBuilder() {
        return ArccHttpClient.newBuilder(tokens, retries, sleeper);
    }

    private String base() {
        return baseUrl.toString().replaceAll("/+$", "");
    }

    public static final class Builder {
        private URI baseUrl;
        private TokenSource tokens;
        private RetryPolicy retries = RetryPolicy.DEFAULT;
        private Duration readTimeout = Duration.ofSeconds(30);
        private RetryPolicy.Sleeper sleeper = RetryPolicy.Sleeper.REAL;

        private Builder() {
        }

        /** The gateway, e.g. {@code http://localhost:8080} (all four services answer under its {@code /api/v1}). */
        public Builder baseUrl(String gatewayUrl) {
            this.baseUrl = URI.create(gatewayUrl);
            return this;
        }

        /** Tokens of a confidential client: a partner ({@code ngo-…}) or a cell's API client ({@code cell-…-api}). */
        public Builder clientCredentials(String keycloakUrl, String clientId, String clientSecret) {
            return tokens(OidcTokens.clientCredentials(OidcTokens.tokenEndpoint(keycloakUrl), clientId, clientSecret));
        }

        /** A person's tokens through the development client {@code arcc-cli} (tests and demos only). */
        public Builder password(String keycloakUrl, String clientId, String username, String password) {
            return tokens(OidcTokens.password(OidcTokens.tokenEndpoint(keycloakUrl), clientId, username, password));
        }

        public Builder tokens(TokenSource tokens) {
            this.tokens = tokens;
            return this;
        }

        public Builder retries(RetryPolicy retries) {
            this.retries = Objects.requireNonNull(retries);
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout);
            return this;
        }

        Builder sleeper(RetryPolicy.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public ArccClient build() {
            Objects.requireNonNull(baseUrl, "baseUrl (the gateway) is needed");
            return new ArccClient(this);
        }
    }
}
