package org.arcc.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.arcc.local.KeycloakTokens;
import org.arcc.local.PlatformUnderTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tokens straight from Keycloak, not from the harness's cache: a fresh one (its whole lifetime ahead), and one that
 * expires within seconds, for showing that an expired token is refused (the development client's access-token
 * lifespan is set to a few seconds through Keycloak's admin API, the local platform's admin/admin, one token is
 * taken, and the client is put back as it was).
 */
final class DirectTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String realm = PlatformUnderTest.realmUrl();
    private final String base = realm.substring(0, realm.indexOf("/realms/"));

    /** A new token of {@code username}. */
    String fresh(String username) {
        return form(realm + "/protocol/openid-connect/token", "grant_type=password&client_id=" + KeycloakTokens.DEV_CLIENT
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PlatformUnderTest.tokens().realm().password(username), StandardCharsets.UTF_8))
                .path("access_token").asText();
    }

    /** A token of {@code username} that lives {@code seconds}. */
    String expiringIn(String username, int seconds) {
        String admin = form(base + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=admin").path("access_token").asText();
        String clients = base + "/admin/realms/arcc/clients";
        ObjectNode client = (ObjectNode) send(HttpRequest.newBuilder(URI.create(clients + "?clientId="
                + KeycloakTokens.DEV_CLIENT)).header("Authorization", "Bearer " + admin).GET()).get(0);
        String id = client.path("id").asText();
        ObjectNode attributes = client.has("attributes") ? (ObjectNode) client.get("attributes") : client.putObject("attributes");
        // Keycloak keeps attributes a PUT leaves out, so the old lifespan is written back explicitly: the client's own,
        // or else the realm's (which it inherited).
        String asItWas = attributes.hasNonNull("access.token.lifespan") && !attributes.get("access.token.lifespan").asText()
                .isBlank() ? attributes.get("access.token.lifespan").asText()
                : send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/arcc")).header("Authorization", "Bearer "
                        + admin).GET()).path("accessTokenLifespan").asText();
        attributes.put("access.token.lifespan", Integer.toString(seconds));
        update(clients + "/" + id, admin, client.toString());
        try {
            return fresh(username);
        } finally {
            attributes.put("access.token.lifespan", asItWas);
            update(clients + "/" + id, admin, client.toString());
        }
    }

    private void update(String url, String admin, String representation) {
        send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(representation)));
    }

    private JsonNode form(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("Keycloak answered " + response.statusCode() + " to " + response.request().uri());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
