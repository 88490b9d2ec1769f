package org.arcc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens from the platform's real Keycloak: demo users through the development client {@code arcc-cli}
 * (password grant, what the local realm offers people), and the confidential API clients (cells' and the partner
 * NGO's) through client credentials. A token is reused until shortly before it expires.
 */
public final class KeycloakTokens {

    /** The local realm's public development client with the password grant. */
    public static final String DEV_CLIENT = "arcc-cli";
    /** The demo partner NGO's API client. */
    public static final String DEMO_PARTNER = "ngo-demo";
    private static final Duration SPARE = Duration.ofSeconds(30);

    private final String tokenUrl;
    private final DemoRealm realm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    public KeycloakTokens(String realmUrl, DemoRealm realm) {
        this.tokenUrl = realmUrl + "/protocol/openid-connect/token";
        this.realm = realm;
    }

    /** The realm file the users and secrets come from. */
    public DemoRealm realm() {
        return realm;
    }

    /** A demo user's token, e.g. {@code user("khi.caseworker")}. */
    public String user(String username) {
        return cached("user:" + username, () -> form("grant_type", "password", "client_id", DEV_CLIENT,
                "username", username, "password", realm.password(username)));
    }

    /** A cell API client's token (client credentials), e.g. {@code cellClient("KHI")}. */
    public String cellClient(String cell) {
        return client(DemoRealm.cellClientId(cell));
    }

    /** The demo partner NGO's token (client credentials). */
    public String partner() {
        return client(DEMO_PARTNER);
    }

    /** A confidential client's token (client credentials). */
    public String client(String clientId) {
        return cached("client:" + clientId, () -> form("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", realm.secret(clientId)));
    }

    private String cached(String key, java.util.function.Supplier<Map<String, String>> grant) {
        Token token = cache.get(key);
        if (token == null || Instant.now().isAfter(token.expiresAt().minus(SPARE))) {
            token = fetch(grant.get());
            cache.put(key, token);
        }
        return token.value();
    }

    private Token fetch(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // Keycloak's answer names the grant's problem (invalid_grant, unauthorized_client); it holds no secret.
                throw new IllegalStateException("Keycloak refused the " + form.get("grant_type") + " grant for "
                        + form.getOrDefault("username", form.get("client_id")) + ": " + response.statusCode() + " "
                        + response.body());
            }
            JsonNode answer = json.readTree(response.body());
            return new Token(answer.path("access_token").asText(),
                    Instant.now().plusSeconds(answer.path("expires_in").asLong(60)));
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak at " + tokenUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private record Token(String value, Instant expiresAt) {
    }
}
