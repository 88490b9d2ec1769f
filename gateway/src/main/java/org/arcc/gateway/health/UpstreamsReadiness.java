package org.arcc.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.arcc.gateway.proxy.Upstreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while at least one configured upstream says it is ready; each one's state and breaker are shown. One
 * service being down must not take the gateway out of rotation, or every other service would become unreachable
 * with it: its own routes answer 503 (and its breaker opens) instead. Only a gateway that reaches no service at
 * all has nothing to offer.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    Upstreams upstreams;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder result = HealthCheckResponse.named("upstreams");
        boolean anyReady = false;
        for (Upstreams.Upstream upstream : upstreams.all().values()) {
            boolean ready = ready(upstream.url());
            anyReady |= ready;
            result.withData(upstream.name(), (ready ? "UP" : "DOWN") + ", circuit " + upstream.breaker().state());
        }
        return result.status(anyReady).build();
    }

    private boolean ready(URI base) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
