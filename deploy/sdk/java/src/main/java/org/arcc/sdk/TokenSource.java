package org.arcc.sdk;

/** Where {@link ArccHttpClient} gets the bearer token it sends; {@link OidcTokens} is the usual one. */
public interface TokenSource {

    /** A token valid now (renewed as needed). */
    String accessToken();

    /** Forgets the current token, e.g. after the platform answered 401 to it. */
    default void invalidate() {
    }

    /** A fixed token (tests, or a token your own code already holds). */
    static TokenSource of(String token) {
        return () -> token;
    }
}
