package org.arcc.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for a service behind the gateway: answers every request with what it received (method, path,
 * headers, body size), and on request is slow, failing or gone. Counts the requests that reached it per path.
 */
public final class StubUpstream {

    private final Vertx vertx = Vertx.vertx();
    private final int port;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicReference<MultiMap> lastHeaders = new AtomicReference<>();
    private HttpServer server;

    public StubUpstream() {
        this.port = freePort();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = await(vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (path.equals("/q/health/ready")) {
                request.response().putHeader("content-type", "application/json").end("{\"status\":\"UP\"}");
                return;
            }
            if (path.equals("/q/openapi")) {
                request.response().putHeader("content-type", "application/json")
                        .end("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stub cases\"}}");
                return;
            }
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            lastHeaders.set(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
            request.body().onSuccess(body -> {
                JsonObject echo = new JsonObject().put("method", request.method().name()).put("path", path)
                        .put("bodyBytes", body.length());
                int status = path.contains("/fail-503") ? 503 : 200;
                long delay = path.contains("/slow") ? 3000 : 0;
                Runnable answer = () -> request.response().setStatusCode(status)
                        .putHeader("content-type", "application/json").end(echo.encode());
                if (delay > 0) {
                    vertx.setTimer(delay, t -> answer.run());
                } else {
                    answer.run();
                }
            });
        }).listen(port, "127.0.0.1"));
    }

    public synchronized void stop() {
        if (server != null) {
            await(server.close());
            server = null;
        }
    }

    public void close() {
        stop();
        await(vertx.close());
    }

    /** Requests that reached the stub for a path. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** Every request that reached the stub, all paths together. */
    public int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Headers of the last request that reached the stub. */
    public MultiMap lastHeaders() {
        return lastHeaders.get();
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Stub upstream: " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
