package org.arcc.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform's API through the gateway, as the demo users (password {@code Demo-Passw0rd!}, development only)
 * with tokens from the public {@code arcc-cli} client, renewed before they expire.
 */
final class PlatformHttp {

    static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final BenchTarget target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Token> tokens = new HashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    record Answer(int status, JsonNode body, String text) {
    }

    PlatformHttp(BenchTarget target) {
        this.target = target;
    }

    Answer get(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(target.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json").GET().build());
    }

    Answer post(String user, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(target.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A token for the user, fetched again a minute before the last one expires. */
    synchronized String token(String user) {
        Token token = tokens.get(user);
        if (token != null && Instant.now().isBefore(token.renewAfter())) {
            return token.value();
        }
        String form = "grant_type=password&client_id=arcc-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8);
        Answer answer = send(HttpRequest.newBuilder(URI.create(target.oidcUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher matcher = ACCESS_TOKEN.matcher(answer.text());
        if (answer.status() != 200 || !matcher.find()) {
            throw new IllegalStateException("Keycloak at " + target.oidcUrl() + " gave no token for " + user + ": HTTP "
                    + answer.status());
        }
        long lifetime = answer.body().path("expires_in").asLong(300);
        token = new Token(matcher.group(1), Instant.now().plusSeconds(Math.max(10, lifetime - 60)));
        tokens.put(user, token);
        return token.value();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            String text = response.body();
            if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
                body = JSON.readTree(text);
            }
            return new Answer(response.statusCode(), body == null ? JSON.missingNode() : body, text == null ? "" : text);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call to " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
