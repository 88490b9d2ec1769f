package org.arcc.sdk;

import java.io.IOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The JDK HTTP client with what every call to the platform needs, so that the generated APIs (and any request you
 * build yourself) get it without thinking:
 * <ul>
 * <li>{@code Authorization: Bearer} from a {@link TokenSource}; on a 401 the token is renewed once and the request
 * sent again;</li>
 * <li>an {@code Idempotency-Key} on every POST that has none, kept for all its retries, so the platform does the
 * work once however many times the request is sent;</li>
 * <li>retries by the {@link RetryPolicy}: after a connection failure or a timeout, after 502/503/504, after 429,
 * and after 409 with {@code Retry-After} (the first attempt with the same key is still running), waiting what
 * {@code Retry-After} says. Only requests safe to repeat are retried: GET, HEAD, PUT, DELETE, OPTIONS, and POSTs
 * carrying an {@code Idempotency-Key}; anything else only when the connection was never made;</li>
 * <li>every response with status 400 or more thrown as an {@link ArccProblem} (its RFC 9457 body, typed).</li>
 * </ul>
 * Bodies are read whole before they are handed to the caller's body handler (the platform's answers are small).
 */
public final class ArccHttpClient extends HttpClient {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REQUEST_ID = "X-Request-Id";
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final Set<Integer> RETRY_STATUSES = Set.of(429, 502, 503, 504);

    private final HttpClient delegate;
    private final TokenSource tokens;
    private final RetryPolicy retries;
    private final RetryPolicy.Sleeper sleeper;

    ArccHttpClient(HttpClient delegate, TokenSource tokens, RetryPolicy retries, RetryPolicy.Sleeper sleeper) {
        this.delegate = delegate;
        this.tokens = tokens;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    /** A builder of the underlying JDK client with the platform's behaviour added (what the generated ApiClients take). */
    public static Builder newBuilder(TokenSource tokens, RetryPolicy retries) {
        return new ArccBuilder(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)), tokens, retries, RetryPolicy.Sleeper.REAL);
    }

    static Builder newBuilder(TokenSource tokens, RetryPolicy retries, RetryPolicy.Sleeper sleeper) {
        return new ArccBuilder(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)), tokens, retries, sleeper);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpRequest keyed = prepared(request);
        boolean safeToRepeat = IDEMPOTENT_METHODS.contains(keyed.method())
                || keyed.headers().firstValue(IDEMPOTENCY_KEY).isPresent();
        boolean renewedToken = false;
        for (int attempt = 1;; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = delegate.send(authorized(keyed), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                boolean neverSent = e instanceof ConnectException;
                if (attempt < retries.maxAttempts() && (safeToRepeat || neverSent)) {
                    sleeper.sleep(retries.backoff(attempt));
                    continue;
                }
                throw e;
            }
            int status = response.statusCode();
            if (status == 401 && tokens != null && !renewedToken) {
                tokens.invalidate();
                renewedToken = true;
                attempt--; // a stale token is not a failed attempt
                continue;
            }
            Optional<Duration> retryAfter = retryAfter(response.headers());
            boolean retryable = RETRY_STATUSES.contains(status) || (status == 409 && retryAfter.isPresent());
            if (retryable && safeToRepeat && attempt < retries.maxAttempts()) {
                int failed = attempt;
                sleeper.sleep(retries.capped(retryAfter.orElseGet(() -> retries.backoff(failed))));
                continue;
            }
            if (status >= 400) {
                throw ArccProblem.parse(status, response.body(), response.headers().firstValue(REQUEST_ID).orElse(null));
            }
            return new BufferedResponse<>(response, handler);
        }
    }

    private static HttpRequest prepared(HttpRequest request) {
        if (!"POST".equals(request.method()) || request.headers().firstValue(IDEMPOTENCY_KEY).isPresent()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).header(IDEMPOTENCY_KEY, UUID.randomUUID().toString())
                .build();
    }

    private HttpRequest authorized(HttpRequest request) {
        if (tokens == null) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> !"Authorization".equalsIgnoreCase(name))
                .header("Authorization", "Bearer " + tokens.accessToken()).build();
    }

    /** {@code Retry-After} as seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").map(String::trim).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(Instant.now(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException unreadable) {
                    return Optional.empty();
                }
            }
        });
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request, handler);
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, delegate.executor().orElseGet(java.util.concurrent.ForkJoinPool::commonPool));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    /** A response read whole, handed to the caller's body handler. */
    private static final class BufferedResponse<T> implements HttpResponse<T> {
        private final HttpResponse<byte[]> raw;
        private final T body;

        BufferedResponse(HttpResponse<byte[]> raw, BodyHandler<T> handler) throws IOException {
            this.raw = raw;
            BodySubscriber<T> subscriber = handler.apply(new ResponseInfo() {
                @Override
                public int statusCode() {
                    return raw.statusCode();
                }

                @Override
                public HttpHeaders headers() {
                    return raw.headers();
                }

                @Override
                public Version version() {
                    return raw.version();
                }
            });
            byte[] bytes = raw.body() == null ? new byte[0] : raw.body();
            subscriber.onSubscribe(new Flow.Subscription() {
                private boolean delivered;

                @Override
                public synchronized void request(long n) {
                    if (!delivered && n > 0) {
                        delivered = true;
                        if (bytes.length > 0) {
                            subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
                        }
                        subscriber.onComplete();
                    }
                }

                @Override
                public void cancel() {
                }
            });
            try {
                this.body = subscriber.getBody().toCompletableFuture().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }

        @Override
        public int statusCode() {
            return raw.statusCode();
        }

        @Override
        public HttpRequest request() {
            return raw.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return raw.headers();
        }

        @Override
        public T body() {
            return body;
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return raw.sslSession();
        }

        @Override
        public URI uri() {
            return raw.uri();
        }

        @Override
        public Version version() {
            return raw.version();
        }
    }

    /** Builds the JDK client as configured, then wraps it. */
    private static final class ArccBuilder implements HttpClient.Builder {
        private final HttpClient.Builder delegate;
        private final TokenSource tokens;
        private final RetryPolicy retries;
        private final RetryPolicy.Sleeper sleeper;

        ArccBuilder(HttpClient.Builder delegate, TokenSource tokens, RetryPolicy retries, RetryPolicy.Sleeper sleeper) {
            this.delegate = delegate;
            this.tokens = tokens;
            this.retries = retries;
            this.sleeper = sleeper;
        }

        @Override
        public Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public Builder followRedirects(Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public Builder version(Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return new ArccHttpClient(delegate.build(), tokens, retries, sleeper);
        }
    }
}
