package org.arcc.gateway.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.arcc.gateway.config.GatewaySettings;

import io.quarkus.scheduler.Scheduled;

/**
 * One token bucket per client (token client id, or address for the public route), holding this replica's share of the
 * client's limit ({@link GatewaySettings#replicas()}), and a limit on each client's requests in flight at once
 * ({@link InFlightLimit}, per replica).
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    GatewaySettings settings;

    private final Map<String, TokenBucket> clients = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> anonymous = new ConcurrentHashMap<>();
    private InFlightLimit clientsInFlight;
    private InFlightLimit anonymousInFlight;

    @PostConstruct
    void limitRequestsInFlight() {
        clientsInFlight = new InFlightLimit(settings.rateLimit().inFlight());
        anonymousInFlight = new InFlightLimit(settings.publicRateLimit().inFlight());
    }

    /** A place for one more of the client's requests in flight, or a refusal: checked before its bucket. */
    public InFlightLimit.Admission enterForClient(String clientKey) {
        return clientsInFlight.tryEnter(clientKey);
    }

    public InFlightLimit.Admission enterForAnonymous(String address) {
        return anonymousInFlight.tryEnter(address);
    }

    public TokenBucket.Decision forClient(String clientKey) {
        GatewaySettings.RateLimit limit = settings.rateLimit();
        return clients.computeIfAbsent(clientKey,
                k -> TokenBucket.shareOf(limit.capacity(), limit.refill(), limit.period(), settings.replicas()))
                .tryConsume();
    }

    public TokenBucket.Decision forAnonymous(String address) {
        GatewaySettings.PublicRateLimit limit = settings.publicRateLimit();
        return anonymous.computeIfAbsent(address,
                k -> TokenBucket.shareOf(limit.capacity(), limit.refill(), limit.period(), settings.replicas()))
                .tryConsume();
    }

    /** Forgets clients whose buckets are full again, so memory follows active clients only. */
    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleClients() {
        clients.values().removeIf(TokenBucket::isFull);
        anonymous.values().removeIf(TokenBucket::isFull);
    }
}
