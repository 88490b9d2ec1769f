package org.arcc.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner NGO's own webhook endpoint, on this machine, for the platform to push referral statuses to: it keeps
 * every delivery it received, with the headers the signature is checked with.
 */
public final class PartnerWebhookEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    public PartnerWebhookEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/arcc-webhook", this::receive);
        server.start();
    }

    /** Where the platform must post, e.g. {@code http://127.0.0.1:41234/arcc-webhook}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/arcc-webhook";
    }

    /** Every delivery so far, in order of arrival. */
    public List<Delivery> received() {
        return List.copyOf(received);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-Arcc-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Arcc-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Arcc-Delivery")));
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One delivery as it arrived. */
    public record Delivery(String body, String signature, String timestamp, String deliveryId) {
    }
}
