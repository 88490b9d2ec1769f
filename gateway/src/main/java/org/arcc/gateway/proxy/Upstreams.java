package org.arcc.gateway.proxy;

import java.net.ConnectException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.gateway.config.GatewaySettings;
import org.arcc.gateway.http.Problems;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.RequestIds;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * One streaming reverse proxy (vertx-http-proxy) per configured upstream, each with its own timeout and
 * circuit breaker. Failures of the upstream become problem responses: no answer in time is 504, no
 * connection (or an open circuit) is 503.
 */
@ApplicationScoped
public class Upstreams {

    @Inject
    Vertx vertx;

    @Inject
    GatewaySettings settings;

    private final Map<String, Upstream> upstreams = new HashMap<>();

    /** A configured upstream: where it is, its proxy and its breaker. */
    public record Upstream(String name, URI url, HttpProxy proxy, CircuitBreaker breaker) {
    }

    void start(@Observes StartupEvent event) {
        settings.upstreams().forEach((name, config) -> {
            URI url = URI.create(config.url());
            int port = url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setSsl("https".equals(url.getScheme()))
                    .setConnectTimeout((int) config.connectTimeout().toMillis())
                    .setKeepAlive(true)
                    .setMaxPoolSize(64));
            CircuitBreaker breaker = new CircuitBreaker(settings.circuitBreaker().failureThreshold(),
                    settings.circuitBreaker().openFor());
            SocketAddress origin = SocketAddress.inetSocketAddress(port, url.getHost());
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                            .setServer(origin)
                            .setIdleTimeout(config.timeout().toMillis())))
                    .addInterceptor(new Failures(breaker));
            upstreams.put(name, new Upstream(name, url, proxy, breaker));
        });
    }

    public Optional<Upstream> get(String name) {
        return Optional.ofNullable(upstreams.get(name));
    }

    public Map<String, Upstream> all() {
        return Map.copyOf(upstreams);
    }

    /**
     * No answer in time: the request's idle timeout (Vert.x fails it with a {@link TimeoutException}) or a
     * Netty read/write timeout, anywhere in the cause chain. A connect timeout is a {@link ConnectException}:
     * the service cannot be reached, which is not the same as being slow.
     */
    static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Counts upstream failures for the breaker and turns them into problem responses. */
    private static final class Failures implements ProxyInterceptor {

        private final CircuitBreaker breaker;

        Failures(CircuitBreaker breaker) {
            this.breaker = breaker;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            // The service builds absolute links (Location) from the Host it sees: let it see the gateway's.
            io.vertx.core.net.HostAndPort clientFacing = context.request().proxiedRequest().authority();
            if (clientFacing != null) {
                context.request().setAuthority(clientFacing);
            }
            return context.sendRequest().map(response -> {
                int status = response.getStatusCode();
                if (status == 502 || status == 503 || status == 504) {
                    breaker.failed();
                } else {
                    breaker.succeeded();
                }
                return response;
            }).recover(failure -> {
                if (context.request().proxiedRequest().response().closed()) {
                    // The client went away (its connection closed) and the proxy gave up the upstream's answer: that
                    // says nothing about the service, and must not open its circuit for everyone else.
                    return Future.failedFuture(failure);
                }
                breaker.failed();
                boolean timedOut = timedOut(failure);
                ProblemType type = timedOut ? ProblemType.UPSTREAM_TIMEOUT : ProblemType.SERVICE_UNAVAILABLE;
                String detail = timedOut ? "The service did not answer in time; try again"
                        : failure instanceof ConnectException ? "The service cannot be reached; try again shortly"
                                : "The service failed to answer; try again shortly";
                String requestId = context.request().headers().get(RequestIds.HEADER);
                ProxyResponse problem = context.request().response()
                        .setStatusCode(type.status())
                        .putHeader("content-type", Problems.MEDIA_TYPE)
                        .setBody(Body.body(Problems.body(type, detail, context.request().getURI().replaceAll("\\?.*", ""),
                                requestId)));
                return Future.succeededFuture(problem);
            });
        }
    }
}
