package org.arcc.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One more instance of a service (or of the gateway) next to the platform's own, as a second replica on Kubernetes
 * would be: the same application and environment (database, broker, Keycloak, keys), its own port. Not started with
 * the platform; {@code arcc-local start cases-2} starts it on the running platform, {@code arcc-local stop cases-2}
 * stops it (docs/operations.md), and the platform stops it when it stops. The multi-replica tests (deploy/e2e,
 * {@code org.arcc.e2e.replicas}) use them.
 */
final class ServiceReplica extends QuarkusService {

    /** A replica's port: its service's port plus this for each replica after the first (cases-2: 8081 + 1000). */
    static final int PORT_STEP = 1000;

    private final QuarkusService original;
    private final int index;
    private final Map<String, String> extraEnvironment;

    private ServiceReplica(LocalSettings settings, QuarkusService original, int index, Map<String, String> extraEnvironment) {
        super(settings);
        this.original = original;
        this.index = index;
        this.extraEnvironment = extraEnvironment;
    }

    /**
     * The replicas the launcher can start: {@code cases-2}, {@code evidence-2}, and {@code gateway-2} and
     * {@code gateway-3}, a pair of gateways standing for a two-replica gateway Deployment: each enforces half of every
     * rate limit ({@code ARCC_GATEWAY_REPLICAS=2}) and trusts this machine as the proxy in front of it
     * ({@code ARCC_GATEWAY_TRUSTED_PROXIES}), as the production gateways trust the ingress controller.
     */
    static List<ServiceReplica> of(LocalSettings settings, List<? extends Component> components) {
        List<ServiceReplica> replicas = new java.util.ArrayList<>();
        for (Component component : components) {
            if (component instanceof CasesService || component instanceof EvidenceService) {
                replicas.add(new ServiceReplica(settings, (QuarkusService) component, 2, Map.of()));
            } else if (component instanceof GatewayService gateway) {
                Map<String, String> pair = Map.of("ARCC_GATEWAY_REPLICAS", "2",
                        "ARCC_GATEWAY_TRUSTED_PROXIES", "127.0.0.1/32,::1/128");
                replicas.add(new ServiceReplica(settings, gateway, 2, pair));
                replicas.add(new ServiceReplica(settings, gateway, 3, pair));
            }
        }
        return replicas;
    }

    /** The port of replica {@code index} of a service listening on {@code port}. */
    static int port(int port, int index) {
        return port + (index - 1) * PORT_STEP;
    }

    @Override
    public String name() {
        return original.name() + "-" + index;
    }

    @Override
    String jar() {
        return original.jar();
    }

    @Override
    int port() {
        return port(original.port(), index);
    }

    @Override
    String url() {
        return "http://localhost:" + port();
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(original.environment());
        env.putAll(extraEnvironment);
        return env;
    }
}
