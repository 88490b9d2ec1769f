package org.arcc.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo users and API clients of the local realm, read from {@code deploy/keycloak/arcc-realm.json} (the file
 * Keycloak imports), so tests never repeat a password or a client secret: the realm file stays the one place they
 * are written (development-only values).
 */
public final class DemoRealm {

    private final JsonNode realm;

    private DemoRealm(JsonNode realm) {
        this.realm = realm;
    }

    /** The realm file of the repository at {@code root}. */
    public static DemoRealm of(Path root) {
        Path file = root.resolve("deploy/keycloak/arcc-realm.json");
        try {
            return new DemoRealm(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the realm file " + file, e);
        }
    }

    /** A demo user's password. */
    public String password(String username) {
        JsonNode user = user(username);
        for (JsonNode credential : user.path("credentials")) {
            if ("password".equals(credential.path("type").asText())) {
                return credential.path("value").asText();
            }
        }
        throw new IllegalArgumentException("no password for " + username + " in the realm file");
    }

    /** A demo user's cell code ({@code KHI}, {@code LHE-1}, ...), empty for users without a cell (analyst, admin). */
    public Optional<String> cellOf(String username) {
        JsonNode cell = user(username).path("attributes").path("cell");
        return cell.isArray() && !cell.isEmpty() ? Optional.of(cell.get(0).asText()) : Optional.empty();
    }

    /** The demo users holding a realm role, e.g. every {@code case-worker}. */
    public List<String> usersWithRole(String role) {
        List<String> users = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            if (user.path("credentials").isArray() && !user.path("credentials").isEmpty()) {
                for (JsonNode held : user.path("realmRoles")) {
                    if (role.equals(held.asText())) {
                        users.add(user.path("username").asText());
                    }
                }
            }
        }
        return users;
    }

    /** A confidential client's secret (the cells' API clients, the demo partner NGO). */
    public String secret(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText()) && client.hasNonNull("secret")) {
                return client.path("secret").asText();
            }
        }
        throw new IllegalArgumentException("no confidential client " + clientId + " in the realm file");
    }

    /** The client id of a cell's API client: {@code LHE-1} is {@code cell-lhe1-api}. */
    public static String cellClientId(String cell) {
        return "cell-" + cell.toLowerCase(Locale.ROOT).replace("-", "") + "-api";
    }

    private JsonNode user(String username) {
        for (JsonNode user : realm.path("users")) {
            if (username.equals(user.path("username").asText())) {
                return user;
            }
        }
        throw new IllegalArgumentException("no demo user " + username + " in the realm file");
    }
}
