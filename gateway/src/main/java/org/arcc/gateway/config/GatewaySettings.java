package org.arcc.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services are, and the limits the gateway enforces in front of them. */
@ConfigMapping(prefix = "arcc.gateway")
public interface GatewaySettings {

    /** Upstream services by name ({@code cases}, {@code evidence}, {@code legal}, {@code reporting}). */
    Map<String, Upstream> upstreams();

    /** Larger declared request bodies ({@code Content-Length}) are refused with 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Longer request URIs (path and query) are refused with 414. Below the services' 4096-byte request line, which
     * also holds the method and protocol.
     */
    @WithDefault("4000")
    int maxUriLength();

    /** Larger request headers (all of them together) are refused with 431. Below the services' 20 KiB. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    RateLimit rateLimit();

    /**
     * How many gateway replicas share the rate limits: each replica enforces 1/N of every limit (capacity and refill),
     * so a client spread over all N replicas gets at most the limit in total. The buckets live in each replica's memory;
     * N must be the number of replicas the load balancer spreads over (docs/deployment.md, "Many replicas").
     */
    @WithDefault("1")
    int replicas();

    /**
     * Address ranges (CIDR) of the proxies in front of the gateway (the ingress controller) whose
     * {@code X-Forwarded-For} names the client for the per-address limit. None by default: the connection's
     * address is the client's.
     */
    Optional<List<String>> trustedProxies();

    /** The public survivor status lookup: no token, so a much stricter limit per client address. */
    PublicRateLimit publicRateLimit();

    Breaker circuitBreaker();

    interface Upstream {
        /** Base URL, e.g. {@code http://localhost:8081}. */
        String url();

        /** Longest wait for the upstream's response before answering 504. */
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("2s")
        Duration connectTimeout();
    }

    /** Bearer tokens verified once and remembered until they expire ({@code VerifiedTokens}). */
    TokenCache tokenCache();

    interface RateLimit {
        /** Requests a client may burst. */
        @WithDefault("300")
        int capacity();

        /**
         * Requests of one client that may be in flight at once (sent on, not yet answered) at this replica; more are
         * refused at once with 429. Not divided by {@link #replicas()}: it bounds what one client queues behind this
         * replica, and one person's two dashboard tabs (four figures each, at once) need 8.
         */
        @WithDefault("8")
        int inFlight();

        /** Tokens added back per {@link #period()}. */
        @WithDefault("300")
        int refill();

        @WithDefault("60s")
        Duration period();
    }

    interface PublicRateLimit {
        @WithDefault("10")
        int capacity();

        /** Lookups from one address in flight at once at this replica (a survivor checks one code at a time). */
        @WithDefault("4")
        int inFlight();

        @WithDefault("10")
        int refill();

        @WithDefault("60s")
        Duration period();
    }

    interface TokenCache {
        /** Verified tokens remembered at most (least recently used forgotten first); about 200 bytes each. */
        @WithDefault("10000")
        int maxEntries();

        /**
         * Longest a verified token is remembered, even if it expires later: no longer than the signing keys are
         * trusted without asking Keycloak again ({@code quarkus.oidc.jwks.cache-time-to-live}, 10 minutes).
         */
        @WithDefault("5m")
        Duration maxAge();
    }

    interface Breaker {
        /**
         * Consecutive failures that open the circuit: no answer in time, no connection, or 502/503/504. A client that
         * hung up before the answer came is not one (it says nothing about the service).
         */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses requests before it lets one trial through. */
        @WithDefault("10s")
        Duration openFor();
    }
}
