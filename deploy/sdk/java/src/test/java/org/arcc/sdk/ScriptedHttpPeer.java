package org.arcc.sdk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free local port (the JDK's), answering each request with the next scripted answer and
 * keeping what it received. An answer may also drop the connection without a response, as a dying peer does.
 */
final class ScriptedHttpPeer implements AutoCloseable {

    record Received(String method, String path, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    record Answer(int status, Map<String, String> headers, String body, boolean drop) {
        static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body, false);
        }

        static Answer problem(int status, String body, Map<String, String> extraHeaders) {
            Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
            headers.put("Content-Type", "application/problem+json");
            return new Answer(status, headers, body, false);
        }

        static Answer dropConnection() {
            return new Answer(0, Map.of(), null, true);
        }
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();

    ScriptedHttpPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Answer answer;
            synchronized (this) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders(), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                answer = script.isEmpty() ? Answer.json(500, "{\"unscripted\":true}") : script.poll();
            }
            if (answer.drop()) {
                exchange.close(); // no status line: the client sees the connection closed under it
                return;
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    synchronized ScriptedHttpPeer then(Answer answer) {
        script.add(answer);
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
