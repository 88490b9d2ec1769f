package org.arcc.gateway.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the dashboard's browser signs people in (docs/reporting.md, "Dashboard"). */
@ConfigMapping(prefix = "arcc.gateway.dashboard")
public interface DashboardSettings {

    /**
     * The realm URL as the person's browser reaches it (e.g. {@code http://localhost:8180/realms/arcc}). Usually the
     * gateway's own issuer URL; set apart when the gateway reaches Keycloak by an internal name.
     */
    String oidcUrl();

    /** The public client the dashboard signs in with (authorization code + PKCE). */
    @WithDefault("arcc-web")
    String clientId();
}
