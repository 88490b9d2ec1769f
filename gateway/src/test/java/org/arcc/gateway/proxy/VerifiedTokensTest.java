package org.arcc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** Tokens verified once and remembered ({@link VerifiedTokens}): until they expire, never longer than the maximum. */
@UnitTest
class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), now::get);

    @Test
    void aVerifiedTokenIsKnownWithItsClientAndRoles() {
        tokens.remember("token-a", "cell-khi-api:42", Set.of("case-worker"), now.get() + 60_000);

        VerifiedTokens.Caller caller = tokens.lookup("token-a").orElseThrow();

        assertThat(caller.client()).isEqualTo("cell-khi-api:42");
        assertThat(caller.hasAnyOf(Set.of("case-worker", "analyst"))).isTrue();
        assertThat(caller.hasAnyOf(Set.of("analyst"))).isFalse();
    }

    @Test
    void anUnknownTokenMustBeVerified() {
        tokens.remember("token-a", "cell-khi-api:42", Set.of("case-worker"), now.get() + 60_000);

        assertThat(tokens.lookup("token-b")).isEmpty();
        assertThat(tokens.lookup("token-a ")).isEmpty();
    }

    @Test
    void aTokenIsForgottenWhenItExpires() {
        tokens.remember("token-a", "cell-khi-api:42", Set.of("case-worker"), now.get() + 60_000);

        now.addAndGet(59_999);
        assertThat(tokens.lookup("token-a")).isPresent();
        now.addAndGet(1);
        assertThat(tokens.lookup("token-a")).isEmpty();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        tokens.remember("token-a", "cell-khi-api:42", Set.of("case-worker"), now.get() + Duration.ofHours(10).toMillis());

        now.addAndGet(Duration.ofMinutes(5).toMillis() - 1);
        assertThat(tokens.lookup("token-a")).isPresent();
        now.addAndGet(1);
        assertThat(tokens.lookup("token-a")).isEmpty();
    }

    @Test
    void anExpiredOrExpiryLessTokenIsNotRemembered() {
        tokens.remember("expired", "c:1", Set.of("case-worker"), now.get() - 1);
        tokens.remember("no-exp", "c:2", Set.of("case-worker"), 0);

        assertThat(tokens.lookup("expired")).isEmpty();
        assertThat(tokens.lookup("no-exp")).isEmpty();
    }

    @Test
    void atMostTheConfiguredNumberAreKept() {
        VerifiedTokens few = new VerifiedTokens(10, Duration.ofMinutes(5), now::get);
        for (int i = 0; i < 50; i++) {
            few.remember("token-" + i, "c:" + i, Set.of("case-worker"), now.get() + 60_000);
        }

        assertThat(few.size()).isLessThanOrEqualTo(10);
    }
}
