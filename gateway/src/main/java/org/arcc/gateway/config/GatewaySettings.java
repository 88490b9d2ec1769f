package org.arcc.gateway.config;

import java.time.Duration;
import java.util.Map;

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

    interface RateLimit {
        /** Requests a client may burst. */
        @WithDefault("300")
        int capacity();

        /** Tokens added back per {@link #period()}. */
        @WithDefault("300")
        int refill();

        @WithDefault("60s")
        Duration period();
    }

    interface PublicRateLimit {
        @WithDefault("10")
        int capacity();

        @WithDefault("10")
        int refill();

        @WithDefault("60s")
        Duration period();
    }

    interface Breaker {
        /** Consecutive failures (no answer, or 502/503/504) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses requests before it lets one trial through. */
        @WithDefault("10s")
        Duration openFor();
    }
}
