package org.arcc.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens from the ARCC identity provider (Keycloak realm {@code arcc}; token endpoint
 * {@code <keycloak>/realms/arcc/protocol/openid-connect/token}). Partners and cells' API clients use the client
 * credentials grant with their confidential client; the password grant exists for the development client
 * {@code arcc-cli} (tests, demos), never for production.
 * <p>
 * A token is reused until {@value #EARLY_SECONDS} seconds before it expires, then renewed: with its refresh token
 * when the grant gave one, otherwise by asking again. Thread-safe.
 */
public final class OidcTokens implements TokenSource {

    static final long EARLY_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenEndpoint;
    private final Map<String, String> grant;
    private final HttpClient http;
    private final Clock clock;

    private String accessToken;
    private String refreshToken;
    private Instant renewAt = Instant.MIN;
    private Instant refreshUsableUntil = Instant.MIN;

    private OidcTokens(URI tokenEndpoint, Map<String, String> grant, HttpClient http, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.grant = grant;
        this.http = http;
        this.clock = clock;
    }

    /** A confidential client's own tokens (partners, cells' API clients). */
    public static OidcTokens clientCredentials(URI tokenEndpoint, String clientId, String clientSecret) {
        return clientCredentials(tokenEndpoint, clientId, clientSecret, Clock.systemUTC());
    }

    static OidcTokens clientCredentials(URI tokenEndpoint, String clientId, String clientSecret, Clock clock) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "client_credentials");
        grant.put("client_id", clientId);
        grant.put("client_secret", clientSecret);
        return new OidcTokens(tokenEndpoint, grant, defaultHttp(), clock);
    }

    /** A person's tokens through a public client: only the development client {@code arcc-cli} allows this. */
    public static OidcTokens password(URI tokenEndpoint, String clientId, String username, String password) {
        return password(tokenEndpoint, clientId, username, password, Clock.systemUTC());
    }

    static OidcTokens password(URI tokenEndpoint, String clientId, String username, String password, Clock clock) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "password");
        grant.put("client_id", clientId);
        grant.put("username", username);
        grant.put("password", password);
        return new OidcTokens(tokenEndpoint, grant, defaultHttp(), clock);
    }

    /** The token endpoint of realm {@code arcc} on a Keycloak at {@code keycloakUrl} (e.g. http://localhost:8180). */
    public static URI tokenEndpoint(String keycloakUrl) {
        return URI.create(keycloakUrl.replaceAll("/+$", "") + "/realms/arcc/protocol/openid-connect/token");
    }

    private static HttpClient defaultHttp() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public synchronized String accessToken() {
        Instant now = clock.instant();
        if (accessToken != null && now.isBefore(renewAt)) {
            return accessToken;
        }
        JsonNode answer = null;
        if (refreshToken != null && now.isBefore(refreshUsableUntil)) {
            Map<String, String> refresh = new LinkedHashMap<>();
            refresh.put("grant_type", "refresh_token");
            refresh.put("client_id", grant.get("client_id"));
            if (grant.containsKey("client_secret")) {
                refresh.put("client_secret", grant.get("client_secret"));
            }
            refresh.put("refresh_token", refreshToken);
            answer = post(refresh, false);
        }
        if (answer == null) {
            answer = post(grant, true);
        }
        accessToken = answer.path("access_token").asText();
        long expiresIn = answer.path("expires_in").asLong(60);
        renewAt = now.plusSeconds(Math.max(1, expiresIn - Math.min(EARLY_SECONDS, expiresIn / 2)));
        refreshToken = answer.hasNonNull("refresh_token") ? answer.get("refresh_token").asText() : null;
        long refreshExpiresIn = answer.path("refresh_expires_in").asLong(0);
        refreshUsableUntil = refreshToken == null ? Instant.MIN
                : now.plusSeconds(refreshExpiresIn <= 0 ? expiresIn : refreshExpiresIn - Math.min(EARLY_SECONDS, refreshExpiresIn / 2));
        return accessToken;
    }

    @Override
    public synchronized void invalidate() {
        accessToken = null;
        renewAt = Instant.MIN;
    }

    /** The token answer, or null when a refresh was refused (the caller then asks again with the grant). */
    private JsonNode post(Map<String, String> form, boolean mustSucceed) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Token endpoint " + tokenEndpoint + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for a token", e);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (response.statusCode() == 200 && answer != null && answer.hasNonNull("access_token")) {
            return answer;
        }
        if (!mustSucceed) {
            return null;
        }
        // The identity provider's error code only (invalid_client, invalid_grant…): never the form, which holds secrets.
        String error = answer != null && answer.hasNonNull("error") ? answer.get("error").asText() : "no token in the answer";
        throw new TokenRefused(response.statusCode(), error, grant.get("grant_type"), grant.get("client_id"));
    }

    /** The identity provider refused to issue a token (wrong secret, unknown client, disabled user…). */
    public static final class TokenRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String error;

        TokenRefused(int status, String error, String grantType, String clientId) {
            super("Token refused (" + grantType + " grant, client " + clientId + "): HTTP " + status + " " + error);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        /** The OAuth error code, e.g. {@code invalid_client}. */
        public String error() {
            return error;
        }
    }
}
