package org.arcc.gateway.dashboard;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The government dashboard's pages ({@code META-INF/resources/dashboard}): served as static files, each answer
 * with a Content-Security-Policy that lets the page run only its own scripts and styles and talk only to the
 * gateway and the identity provider, and {@code config.json}, which tells the page where to sign people in.
 */
@ApplicationScoped
public class DashboardRoutes {

    static final String PREFIX = "/dashboard";

    @Inject
    DashboardSettings settings;

    private String contentSecurityPolicy;

    void register(@Observes Router router) {
        contentSecurityPolicy = contentSecurityPolicy(settings.oidcUrl());
        // Vert.x matches "/dashboard" for "/dashboard/" too: only the bare address is sent on.
        router.get(PREFIX).order(-11).handler(rc -> {
            if (rc.request().path().equals(PREFIX)) {
                rc.redirect(PREFIX + "/");
            } else {
                rc.next();
            }
        });
        router.route(PREFIX + "/*").order(-10).handler(this::secureHeaders);
        router.get(PREFIX + "/config.json").order(-9).handler(this::config);
    }

    private void secureHeaders(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> rc.response().headers()
                .set("Content-Security-Policy", contentSecurityPolicy)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                // The page holds a token: never cached by a shared machine's browser or a proxy.
                .set("Cache-Control", "no-store"));
        rc.next();
    }

    private void config(RoutingContext rc) {
        String realm = stripTrailingSlash(settings.oidcUrl());
        JsonObject config = new JsonObject()
                .put("clientId", settings.clientId())
                .put("issuer", realm)
                .put("authorizationEndpoint", realm + "/protocol/openid-connect/auth")
                .put("tokenEndpoint", realm + "/protocol/openid-connect/token")
                .put("endSessionEndpoint", realm + "/protocol/openid-connect/logout")
                .put("api", "/api/v1/reports");
        rc.response().putHeader("content-type", "application/json").end(config.encode());
    }

    /**
     * Only this origin's scripts, styles, images and fonts; fetches to the gateway and to the identity provider's
     * token endpoint (the code exchange and refresh); no frames, no plugins, no {@code <base>} tricks.
     */
    static String contentSecurityPolicy(String oidcUrl) {
        URI realm = URI.create(stripTrailingSlash(oidcUrl));
        String identityProvider = realm.getScheme() + "://" + realm.getRawAuthority();
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self' " + identityProvider,
                "form-action 'self' " + identityProvider,
                "base-uri 'none'",
                "frame-ancestors 'none'",
                "object-src 'none'");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
