package org.arcc.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.arcc.examples.PlatformEndpoints;
import org.arcc.sdk.OidcTokens;
import org.arcc.sdk.TokenSource;

/**
 * Tokens from the platform's Keycloak for everyone a simulation plays, through the Java SDK's {@link OidcTokens}:
 * demo users (password grant of the development client {@code arcc-cli}, password {@code Demo-Passw0rd!}) and
 * confidential API clients (client credentials, the development secrets of {@code deploy/keycloak/arcc-realm.json}).
 * <p>
 * Gatling asks for a token on its event loop for every request: a renewal there would stall every virtual user on that
 * loop while Keycloak answers. So every token is fetched before the run ({@link #warm}) and renewed in the background
 * every few seconds ({@code OidcTokens} renews 30 s before expiry), and the event loop only reads the cache.
 */
final class LoadTokens implements AutoCloseable {

    static final String DEV_CLIENT = "arcc-cli";
    static final String DEMO_PASSWORD = "Demo-Passw0rd!";

    private final String keycloakUrl;
    private final Map<String, TokenSource> sources = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "load-token-renewer");
        thread.setDaemon(true);
        return thread;
    });

    LoadTokens(PlatformEndpoints platform) {
        this.keycloakUrl = platform.keycloakUrl();
        renewer.scheduleWithFixedDelay(() -> sources.values().forEach(source -> {
            try {
                source.accessToken();
            } catch (RuntimeException keycloakBusy) {
                // the next round tries again; a request that meets an expired token gets 401 and fails its check
            }
        }), 5, 5, TimeUnit.SECONDS);
    }

    /** Fetches a token for each of these now, so that the run starts with every token in the cache. */
    LoadTokens warm(Iterable<String> principals) {
        principals.forEach(this::bearer);
        return this;
    }

    /**
     * {@code Bearer <token>} for a demo user ({@code khi.caseworker}) or an API client ({@code client:cell-khi-api}).
     */
    String bearer(String principal) {
        return "Bearer " + sources.computeIfAbsent(principal, this::source).accessToken();
    }

    private TokenSource source(String principal) {
        if (principal.startsWith("client:")) {
            String clientId = principal.substring("client:".length());
            return OidcTokens.clientCredentials(OidcTokens.tokenEndpoint(keycloakUrl), clientId, developmentSecret(clientId));
        }
        return OidcTokens.password(OidcTokens.tokenEndpoint(keycloakUrl), DEV_CLIENT, principal, DEMO_PASSWORD);
    }

    /**
     * The local realm's development secret of a confidential client ({@code cell-khi-api} → {@code dev-secret-cell-khi},
     * {@code ngo-demo} → {@code dev-secret-ngo-demo}); never a production secret.
     */
    static String developmentSecret(String clientId) {
        return "dev-secret-" + clientId.replaceFirst("-api$", "");
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
