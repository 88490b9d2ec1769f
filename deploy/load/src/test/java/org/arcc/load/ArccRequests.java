package org.arcc.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.List;
import java.util.function.Function;

import org.arcc.examples.PlatformEndpoints;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Requests to the platform through its gateway as its clients must send them: a bearer token of the person or API
 * client played, a request id of our own on every request ({@code load-<uuid>}, which the gateway keeps and every
 * service logs), a fresh {@code Idempotency-Key} on every POST, JSON both ways. Request names are fixed words, never
 * values: nothing a simulation sends appears in Gatling's reports.
 */
final class ArccRequests {

    /** Our request ids: the gateway keeps a well-formed one (8 to 64 of {@code [A-Za-z0-9._:-]}). */
    static final String REQUEST_ID = "load-#{randomUuid()}";

    final PlatformEndpoints platform = PlatformEndpoints.fromEnvironment();
    final LoadTokens tokens = new LoadTokens(platform);

    HttpProtocolBuilder protocol() {
        return http.baseUrl(platform.gatewayUrl())
                .acceptHeader("application/json")
                .userAgentHeader("arcc-load (Gatling)")
                .header("X-Request-Id", REQUEST_ID)
                .disableCaching();
    }

    /** Fetches every token the run needs before it starts. */
    void warm(List<String> principals) {
        tokens.warm(principals);
    }

    /** The principal named by a session attribute, e.g. {@code as("caseWorker")}. */
    static Function<Session, String> as(String sessionKey) {
        return session -> session.getString(sessionKey);
    }

    /** A fixed principal, e.g. {@code fixed("lab.custodian")}. */
    static Function<Session, String> fixed(String principal) {
        return session -> principal;
    }

    HttpRequestActionBuilder get(String name, String path, Function<Session, String> who) {
        return http(name).get(path).header("Authorization", session -> tokens.bearer(who.apply(session)));
    }

    /** A POST with a JSON body (Gatling EL: {@code #{caseId}}) and its own Idempotency-Key. */
    HttpRequestActionBuilder post(String name, String path, Function<Session, String> who, String jsonBody) {
        HttpRequestActionBuilder post = http(name).post(path)
                .header("Authorization", session -> tokens.bearer(who.apply(session)))
                .header("Idempotency-Key", "#{randomUuid()}");
        return jsonBody == null ? post : post.header("Content-Type", "application/json").body(StringBody(jsonBody));
    }

    HttpRequestActionBuilder put(String name, String path, Function<Session, String> who, String jsonBody) {
        return http(name).put(path).header("Authorization", session -> tokens.bearer(who.apply(session)))
                .header("Content-Type", "application/json").body(StringBody(jsonBody));
    }
}
