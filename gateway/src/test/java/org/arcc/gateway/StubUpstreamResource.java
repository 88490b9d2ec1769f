package org.arcc.gateway;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** One stub upstream standing in for every service, with test-sized timeouts, limits and breaker. */
public class StubUpstreamResource implements QuarkusTestResourceLifecycleManager {

    private static StubUpstream stub;
    private String rateLimit = "20";
    private String inFlight = "3";

    /**
     * Init arguments {@code rate-limit}: burst and refill per 2 s, and {@code in-flight}: a client's requests in flight
     * at once (benchmarks raise both out of the way).
     */
    @Override
    public void init(Map<String, String> initArgs) {
        rateLimit = initArgs.getOrDefault("rate-limit", rateLimit);
        inFlight = initArgs.getOrDefault("in-flight", inFlight);
    }

    public static StubUpstream stub() {
        return stub;
    }

    @Override
    public Map<String, String> start() {
        stub = new StubUpstream();
        stub.start();
        return Map.ofEntries(
                Map.entry("arcc.gateway.upstreams.cases.url", stub.url()),
                Map.entry("arcc.gateway.upstreams.cases.timeout", "500ms"),
                Map.entry("arcc.gateway.upstreams.evidence.url", stub.url()),
                Map.entry("arcc.gateway.upstreams.reporting.url", stub.url()),
                // Configured, but nothing listens there: a service that is down while the others are up.
                Map.entry("arcc.gateway.upstreams.legal.url", "http://127.0.0.1:" + closedPort()),
                Map.entry("arcc.gateway.rate-limit.capacity", rateLimit),
                Map.entry("arcc.gateway.rate-limit.refill", rateLimit),
                Map.entry("arcc.gateway.rate-limit.period", "2s"),
                Map.entry("arcc.gateway.rate-limit.in-flight", inFlight),
                Map.entry("arcc.gateway.public-rate-limit.capacity", "3"),
                Map.entry("arcc.gateway.public-rate-limit.refill", "3"),
                Map.entry("arcc.gateway.public-rate-limit.period", "2s"),
                Map.entry("arcc.gateway.circuit-breaker.failure-threshold", "3"),
                Map.entry("arcc.gateway.circuit-breaker.open-for", "1s"),
                Map.entry("arcc.gateway.max-body-size", "1K"));
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
            stub = null;
        }
    }
}
