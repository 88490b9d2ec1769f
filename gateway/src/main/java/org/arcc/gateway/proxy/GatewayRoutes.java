package org.arcc.gateway.proxy;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.gateway.config.GatewaySettings;
import org.arcc.gateway.http.ClientAddress;
import org.arcc.gateway.http.Problems;
import org.arcc.gateway.routing.Route;
import org.arcc.gateway.routing.RouteTable;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.RequestIds;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Everything under {@code /api}: request id and trace context, identity headers stripped, route and method
 * checked, token validated (or found among those verified before, {@link VerifiedTokens}) and roles checked, the
 * client's requests in flight and its rate limited, then streamed to the upstream. Every
 * refusal is a problem response and nothing reaches an upstream before all checks passed.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger ACCESS = Logger.getLogger("arcc.gateway.access");
    /** Requests through the gateway: {@code arcc_gateway_requests_seconds_*} (docs/deployment.md, Telemetry). */
    public static final String REQUESTS = "arcc.gateway.requests";
    private static final String BEARER = "Bearer ";
    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** Headers a client could use to pretend to be someone: only tokens say who is calling. */
    private static final Set<String> IDENTITY_HEADERS = Set.of("x-user", "x-user-id", "x-forwarded-user",
            "x-remote-user", "remote-user", "x-auth-user", "x-auth-request-user", "x-auth-request-email",
            "x-forwarded-email", "x-forwarded-preferred-username", "x-cell", "x-roles", "x-partner", "x-custodian",
            "x-client-id", "x-subject", "x-userinfo", "x-id-token", "x-jwt-payload");

    @Inject
    RouteTable routes;

    @Inject
    Upstreams upstreams;

    @Inject
    RateLimiter limiter;

    @Inject
    IdentityProviderManager identities;

    @Inject
    GatewaySettings settings;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    private HttpClient openApiClient;
    private ClientAddress clientAddress;
    private VerifiedTokens verifiedTokens;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        openApiClient = vertx.createHttpClient();
        clientAddress = new ClientAddress(settings.trustedProxies().orElse(java.util.List.of()));
        verifiedTokens = new VerifiedTokens(settings.tokenCache().maxEntries(), settings.tokenCache().maxAge(),
                System::currentTimeMillis);
        router.route("/api/*").handler(this::handle);
        router.get("/openapi/:name").handler(this::openApi);
    }

    private void handle(RoutingContext rc) {
        long started = System.nanoTime();
        HttpServerRequest request = rc.request();
        String requestId = RequestIds.requestId(request.getHeader(RequestIds.HEADER));
        String path = rc.normalizedPath();
        String method = request.method().name();
        String[] client = { "-" };
        String[] routeName = { "none" };
        String[] loggedPath = { path };
        // Held until the proxy reads it: its body and end must not arrive before the proxy's connection to the upstream
        // is ready (a cached token forwards at once, and the proxy asks the pool for a connection asynchronously).
        request.pause();
        request.headers().set(RequestIds.HEADER, requestId);
        // The gateway's server span has continued the client's trace (or started one); the call to the upstream
        // carries the gateway's own span as its parent, written by the traced HTTP client, not the client's header.
        request.headers().remove(RequestIds.TRACEPARENT);
        stripIdentityHeaders(request);
        rc.addHeadersEndHandler(v -> rc.response().headers().set(RequestIds.HEADER, requestId));
        rc.addEndHandler(v -> {
            long took = System.nanoTime() - started;
            ACCESS.infof("method=%s route=%s path=%s status=%d duration_ms=%.2f client=%s request_id=%s",
                    method, routeName[0], loggedPath[0], rc.response().getStatusCode(), took / 1e6, client[0], requestId);
            timer(routeName[0], method, rc.response().getStatusCode()).record(took, TimeUnit.NANOSECONDS);
        });

        Route route = routes.match(path).orElse(null);
        if (route == null) {
            problem(rc, ProblemType.NOT_FOUND, "No service answers at this path", requestId);
            return;
        }
        routeName[0] = route.name();
        loggedPath[0] = route.loggablePath(path);
        Route.Rule rule = route.ruleFor(method, path).orElse(null);
        if (rule == null) {
            problem(rc, ProblemType.METHOD_NOT_ALLOWED, method + " is not allowed on " + path, requestId);
            return;
        }
        if (rule.anonymous()) {
            client[0] = "anonymous";
            String address = clientAddress.of(request.remoteAddress().hostAddress(), request.headers().getAll("X-Forwarded-For"));
            if (admitted(rc, limiter.enterForAnonymous(address), () -> limiter.forAnonymous(address), requestId)) {
                forward(rc, route, requestId);
            }
            return;
        }
        String token = bearerToken(request);
        VerifiedTokens.Caller known = token == null ? null : verifiedTokens.lookup(token).orElse(null);
        if (known != null) {
            // Verified before and not expired: admitted or refused now, without verifying the signature again.
            authorised(rc, route, rule, known, requestId, client);
            return;
        }
        // Authentication failures are answered below, as problems; Quarkus must not send its own bare 401.
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (java.util.function.BiConsumer<RoutingContext, Throwable>) (c, e) -> {
        });
        Context context = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(rc, identities).subscribe().with(
                identity -> context.runOnContext(v -> verified(rc, route, rule, token, identity, requestId, client)),
                failure -> context.runOnContext(v -> unauthenticated(rc, requestId)));
    }

    private void verified(RoutingContext rc, Route route, Route.Rule rule, String token, SecurityIdentity identity,
            String requestId, String[] client) {
        if (identity == null || identity.isAnonymous()) {
            unauthenticated(rc, requestId);
            return;
        }
        VerifiedTokens.Caller caller = callerOf(identity);
        if (token != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            verifiedTokens.remember(token, caller.client(), caller.roles(), jwt.getExpirationTime() * 1000L);
        }
        authorised(rc, route, rule, caller, requestId, client);
    }

    private void authorised(RoutingContext rc, Route route, Route.Rule rule, VerifiedTokens.Caller caller, String requestId,
            String[] client) {
        client[0] = caller.client();
        if (!caller.hasAnyOf(rule.roles())) {
            problem(rc, ProblemType.FORBIDDEN, "Your role does not allow " + rc.request().method().name() + " on "
                    + route.prefix(), requestId);
            return;
        }
        if (admitted(rc, limiter.enterForClient(caller.client()), () -> limiter.forClient(caller.client()), requestId)) {
            forward(rc, route, requestId);
        }
    }

    /**
     * The client's requests in flight first (a refusal there costs no token of its bucket), then its bucket. An admitted
     * request holds its place until its answer ends or its connection closes, whichever comes first.
     */
    private boolean admitted(RoutingContext rc, InFlightLimit.Admission admission, Supplier<TokenBucket.Decision> bucket,
            String requestId) {
        if (!admission.admitted()) {
            rc.response().putHeader("Retry-After", "1");
            problem(rc, ProblemType.RATE_LIMITED, "Too many requests at once: at most " + admission.limit()
                    + " of yours may be in progress; retry after 1 s", requestId);
            return false;
        }
        rc.addEndHandler(v -> admission.permit().release());
        if (!withinLimit(rc, bucket.get(), requestId)) {
            admission.permit().release();
            return false;
        }
        return true;
    }

    private void forward(RoutingContext rc, Route route, String requestId) {
        Upstreams.Upstream upstream = upstreams.get(route.upstream()).orElse(null);
        if (upstream == null) {
            problem(rc, ProblemType.SERVICE_UNAVAILABLE, "The " + route.upstream() + " service is not deployed here", requestId);
            return;
        }
        if (!upstream.breaker().allow()) {
            rc.response().putHeader("Retry-After", Long.toString(upstream.breaker().secondsUntilTrial()));
            problem(rc, ProblemType.SERVICE_UNAVAILABLE, "The " + upstream.name()
                    + " service is failing; requests are paused for a moment", requestId);
            return;
        }
        upstream.proxy().handle(rc.request());
    }

    private boolean withinLimit(RoutingContext rc, TokenBucket.Decision decision, String requestId) {
        rc.response().putHeader("RateLimit-Limit", Integer.toString(decision.limit()))
                .putHeader("RateLimit-Remaining", Integer.toString(decision.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            rc.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            problem(rc, ProblemType.RATE_LIMITED, "Slow down: retry after " + decision.retryAfterSeconds()
                    + " s", requestId);
            return false;
        }
        return true;
    }

    private void unauthenticated(RoutingContext rc, String requestId) {
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        problem(rc, ProblemType.UNAUTHENTICATED, "Send a valid, unexpired bearer token from the ARCC identity provider",
                requestId);
    }

    private void openApi(RoutingContext rc) {
        String name = rc.pathParam("name");
        Upstreams.Upstream upstream = upstreams.get(name).orElse(null);
        if (upstream == null) {
            problem(rc, ProblemType.NOT_FOUND, "No service named " + name, null);
            return;
        }
        int port = upstream.url().getPort() > 0 ? upstream.url().getPort() : 80;
        openApiClient.request(HttpMethod.GET, port, upstream.url().getHost(), "/q/openapi?format=json")
                .compose(request -> request.send().compose(response -> response.body().map(body -> {
                    rc.response().setStatusCode(response.statusCode())
                            .putHeader("content-type", "application/json").end(body);
                    return null;
                }))).onFailure(e -> problem(rc, ProblemType.SERVICE_UNAVAILABLE, "The " + name + " service cannot be reached", null));
    }

    /** Labels from bounded sets only: route names, standard methods, status codes. */
    private Timer timer(String route, String method, int status) {
        String methodLabel = STANDARD_METHODS.contains(method) ? method : "other";
        // Looked up once per route, method and status (a few hundred at most), not built and registered per request.
        return timers.computeIfAbsent(route + ' ' + methodLabel + ' ' + status, k -> Timer.builder(REQUESTS)
                .description("Requests through the gateway, by route, method and status")
                .tag("route", route).tag("method", methodLabel)
                .tag("status", Integer.toString(status)).publishPercentileHistogram().register(metrics));
    }

    static void problem(RoutingContext rc, ProblemType type, String detail, String requestId) {
        Problems.respond(rc, type, detail, rc.normalizedPath(), requestId);
    }

    private static void stripIdentityHeaders(HttpServerRequest request) {
        for (String name : Set.copyOf(request.headers().names())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (IDENTITY_HEADERS.contains(lower) || lower.startsWith("x-arcc-")) {
                request.headers().remove(name);
            }
        }
    }

    private static String clientOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object azp = token.getClaim("azp");
            String clientId = azp == null ? null : azp.toString().replace("\"", "");
            return (clientId == null || clientId.isBlank() ? "" : clientId + ":") + token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private static VerifiedTokens.Caller callerOf(SecurityIdentity identity) {
        return new VerifiedTokens.Caller(clientOf(identity), identity.getRoles(), 0);
    }

    /** The bearer token of the Authorization header, as Quarkus OIDC reads it; null if there is none. */
    private static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
