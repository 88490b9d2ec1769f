package org.arcc.gateway.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Bearer tokens the gateway has verified (signature, issuer, audience, expiry: Quarkus OIDC), remembered until the
 * token expires, and never longer than {@code maxAge}, so that a client's next request with the same token is
 * admitted or refused without verifying its signature again. Only what a verification established is kept: the
 * client's key (the same as the rate limits') and its roles. Entries are keyed by the token's SHA-256, so the cache
 * holds no token; at most {@code maxEntries} are kept (least recently used go first).
 */
public final class VerifiedTokens {

    /** Who a verified token speaks for: the client key of the rate limits and the roles the token grants. */
    public record Caller(String client, Set<String> roles, long expiresAtMillis) {

        public boolean hasAnyOf(Set<String> wanted) {
            return wanted.stream().anyMatch(roles::contains);
        }
    }

    private final LongSupplier nowMillis;
    private final long maxAgeMillis;
    private final Cache<String, Caller> callers;

    public VerifiedTokens(int maxEntries, Duration maxAge, LongSupplier nowMillis) {
        this.nowMillis = nowMillis;
        this.maxAgeMillis = maxAge.toMillis();
        this.callers = Caffeine.newBuilder().maximumSize(maxEntries).ticker(() -> nowMillis.getAsLong() * 1_000_000L)
                .expireAfter(new Expiry<String, Caller>() {
                    @Override
                    public long expireAfterCreate(String key, Caller caller, long currentTime) {
                        return Math.max(0, caller.expiresAtMillis() - nowMillis.getAsLong()) * 1_000_000L;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Caller caller, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, caller, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Caller caller, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                }).build();
    }

    /** The caller of a token verified before and not yet expired; empty means: verify it. */
    public Optional<Caller> lookup(String token) {
        Caller caller = callers.getIfPresent(key(token));
        return caller != null && caller.expiresAtMillis() > nowMillis.getAsLong() ? Optional.of(caller) : Optional.empty();
    }

    /**
     * Remembers a token that has just been verified, until {@code tokenExpiresAtMillis} (its {@code exp}) or
     * {@code maxAge} from now, whichever comes first. A token without expiry is not remembered.
     */
    public void remember(String token, String client, Set<String> roles, long tokenExpiresAtMillis) {
        long until = Math.min(tokenExpiresAtMillis, nowMillis.getAsLong() + maxAgeMillis);
        if (tokenExpiresAtMillis > 0 && until > nowMillis.getAsLong()) {
            callers.put(key(token), new Caller(client, Set.copyOf(roles), until));
        }
    }

    long size() {
        callers.cleanUp();
        return callers.estimatedSize();
    }

    private static String key(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
