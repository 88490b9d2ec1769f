package org.arcc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.arcc.sdk.WebhookSignature;
import org.junit.jupiter.api.Test;

/** The example partner's endpoint, posted to over real HTTP as the cases service posts: verify, answer, handle once. */
class PartnerWebhookEndpointTest {

    private static final String SECRET = "dev-webhook-secret-of-ngo-demo-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();

    private int post(String url, String delivery, long timestamp, String signature, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Arcc-Delivery", delivery).header("X-Arcc-Timestamp", Long.toString(timestamp))
                .header("X-Arcc-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void signedDeliveriesAreHandledOnceAndForgedOnesRefused() throws Exception {
        List<PartnerWebhookEndpoint.Delivery> handled = new CopyOnWriteArrayList<>();
        try (PartnerWebhookEndpoint endpoint = PartnerWebhookEndpoint.start("127.0.0.1", 0, SECRET, handled::add)) {
            String url = endpoint.url("127.0.0.1");
            String body = "{\"deliveryId\":\"d-1\",\"referralId\":\"r-1\",\"partnerReference\":\"HL-1\",\"status\":\"RECEIVED\"}";
            long now = Instant.now().getEpochSecond();
            String signature = new WebhookSignature(SECRET).sign(now, body.getBytes(StandardCharsets.UTF_8));

            assertThat(post(url, "d-1", now, signature, body)).isEqualTo(204);
            assertThat(post(url, "d-1", now, signature, body)).as("a repeat is acknowledged").isEqualTo(204);
            assertThat(post(url, "d-2", now, signature, body.replace("RECEIVED", "ACCEPTED"))).isEqualTo(401);
            assertThat(post(url, "d-3", now - 3600, new WebhookSignature(SECRET).sign(now - 3600, body.getBytes(StandardCharsets.UTF_8)), body))
                    .as("replayed an hour later").isEqualTo(401);

            await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
            assertThat(handled.get(0).isAbout("r-1")).isTrue();
            assertThat(handled.get(0).status()).isEqualTo("RECEIVED");
            assertThat(endpoint.verified()).hasSize(1);
            assertThat(endpoint.refused()).isEqualTo(2);
        }
    }

    @Test
    void theEndpointsComeFromTheEnvironmentWithTheStandardPortsAsDefault() {
        assertThat(PlatformEndpoints.fromEnvironment(Map.of()))
                .isEqualTo(new PlatformEndpoints("http://localhost:8080", "http://localhost:8180"));
        assertThat(PlatformEndpoints.fromEnvironment(Map.of("ARCC_GATEWAY_PORT", "58080", "ARCC_KEYCLOAK_PORT", "58180")))
                .isEqualTo(new PlatformEndpoints("http://localhost:58080", "http://localhost:58180"));
        assertThat(PlatformEndpoints.fromEnvironment(Map.of("ARCC_GATEWAY_URL", "https://arcc.example.org",
                "ARCC_KEYCLOAK_URL", "https://id.arcc.example.org", "ARCC_GATEWAY_PORT", "1")))
                .isEqualTo(new PlatformEndpoints("https://arcc.example.org", "https://id.arcc.example.org"));
    }
}
