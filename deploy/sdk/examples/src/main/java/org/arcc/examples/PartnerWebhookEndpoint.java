package org.arcc.examples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.arcc.sdk.WebhookSignature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's own HTTP endpoint for the platform's status webhooks (the JDK's server, so the example needs nothing
 * else). Each delivery is verified with {@link WebhookSignature} on its raw body before anything reads it: a valid
 * one is answered 204 and handed on once (a repeated {@code X-Arcc-Delivery} is acknowledged, not handled twice);
 * anything else is answered 401 and counted. Handling runs on another thread, so the platform gets its answer at once.
 */
public final class PartnerWebhookEndpoint implements AutoCloseable {

    /** A verified delivery: its id and its body (ids, codes and statuses only; never a survivor's details). */
    public record Delivery(String id, JsonNode body) {
        public String status() {
            return body.path("status").asText();
        }

        public boolean isAbout(String referralOrOnwardReferralId) {
            return referralOrOnwardReferralId.equals(body.path("referralId").asText())
                    || referralOrOnwardReferralId.equals(body.path("onwardReferralId").asText());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final WebhookSignature signature;
    private final Consumer<Delivery> handler;
    private final ExecutorService handling = Executors.newSingleThreadExecutor();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<Delivery> verified = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();

    private PartnerWebhookEndpoint(HttpServer server, WebhookSignature signature, Consumer<Delivery> handler) {
        this.server = server;
        this.signature = signature;
        this.handler = handler;
    }

    /** Listens on {@code host:port} (port 0: any free one) at {@code /arcc/status}. */
    public static PartnerWebhookEndpoint start(String host, int port, String secret, Consumer<Delivery> handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        PartnerWebhookEndpoint endpoint = new PartnerWebhookEndpoint(server, new WebhookSignature(secret), handler);
        server.createContext("/arcc/status", endpoint::receive);
        server.start();
        return endpoint;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String delivery = exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER);
            WebhookSignature.Verdict verdict = "POST".equals(exchange.getRequestMethod())
                    ? signature.check(exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                            exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body)
                    : WebhookSignature.Verdict.MISSING_HEADERS;
            if (verdict != WebhookSignature.Verdict.VALID || delivery == null) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            exchange.sendResponseHeaders(204, -1);
            if (seen.add(delivery)) {
                Delivery received = new Delivery(delivery, JSON.readTree(body));
                verified.add(received);
                handling.submit(() -> handler.accept(received));
            }
        }
    }

    /** Where the platform should send deliveries, as seen from this machine. */
    public String url(String host) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/arcc/status";
    }

    public List<Delivery> verified() {
        return List.copyOf(verified);
    }

    /** Deliveries answered 401: a wrong or missing signature, or a timestamp out of tolerance. */
    public int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
        handling.shutdownNow();
    }
}
