package org.arcc.common.kafka;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.Wellness;

/**
 * Whether the Kafka cluster answers. A wellness check, not a readiness one: thanks to the outbox a service
 * keeps accepting work while the broker is away, and publishes the backlog when it returns.
 */
@Wellness
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {

    @Inject
    KafkaClients clients;

    @Inject
    KafkaSettings settings;

    @Override
    public HealthCheckResponse call() {
        try (Admin admin = clients.admin()) {
            int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down("broker unreachable at " + settings.bootstrapServers());
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("kafka").down().withData("reason", reason).build();
    }
}
