package org.arcc.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether every event consumer still hears its events: DOWN when one's thread has ended, when it met an error
 * that retrying cannot clear, or when it has not polled successfully for longer than
 * {@code arcc.consumer.stall-limit}; each consumer's state is shown either way.
 *
 * <p>Readiness, not wellness: a replica whose consumer is dead keeps answering from a projection that no longer
 * changes (the evidence service would still release kits for testing after consent was withdrawn), so it
 * must leave rotation, and the orchestrator's readiness alerts see it. Not liveness either: a restart loop
 * would not fix a revoked ACL, and restarting would cut requests in flight. A broker outage does not turn it
 * DOWN (a poll with no broker returns nothing, it does not fail; {@code kafka} in wellness reports that),
 * so an outage still does not take every replica out.
 */
@Readiness
@ApplicationScoped
public class EventConsumersHealthCheck implements HealthCheck {

    @Inject
    EventConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder result = HealthCheckResponse.named("event-consumers");
        boolean allUp = true;
        for (ConsumerHealth consumer : consumers.health()) {
            String name = consumer.consumer();
            allUp &= consumer.up();
            result.withData(name, consumer.up() ? "UP" : "DOWN: " + consumer.reason())
                    .withData(name + ".topics", String.join(",", consumer.topics()))
                    .withData(name + ".alive", consumer.alive())
                    .withData(name + ".seconds-since-poll", consumer.secondsSincePoll())
                    .withData(name + ".consecutive-failures", consumer.consecutiveFailures())
                    .withData(name + ".lag", consumer.lag());
            if (consumer.lastError() != null) {
                result.withData(name + ".last-error", consumer.lastError());
            }
        }
        return result.status(allUp).build();
    }
}
