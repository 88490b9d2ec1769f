package org.arcc.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.arcc.load.RateLimitWindows.Admitted;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class RateLimitWindowsTest {

    private static final long MS = 1_000_000L;
    /** The gateway's default: 300 at once, 300 a minute after that (5 a second). */
    private final RateLimitWindows limit = new RateLimitWindows(300, 300, Duration.ofSeconds(60));

    @Test
    void theWholeBurstAtOnceThenTheRefillRateHolds() {
        List<Admitted> admitted = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            admitted.add(new Admitted(0, 50 * MS));
        }
        // then one every 200 ms for a minute, each answered 30 ms after it was sent
        for (int i = 1; i <= 300; i++) {
            admitted.add(new Admitted(i * 200 * MS, i * 200 * MS + 30 * MS));
        }

        RateLimitWindows.Verdict verdict = limit.check(admitted);

        assertThat(verdict.held()).isTrue();
        assertThat(verdict.admitted()).isEqualTo(600);
    }

    @Test
    void oneMoreThanTheBucketInAStretchIsABreach() {
        List<Admitted> admitted = new ArrayList<>();
        // 302 admitted within 100 ms: the bucket allows 300 + 5 × 0.1 = 300
        for (int i = 0; i < 302; i++) {
            admitted.add(new Admitted(i * 100_000L, 100 * MS));
        }

        RateLimitWindows.Verdict verdict = limit.check(admitted);

        assertThat(verdict.held()).isFalse();
        assertThat(verdict.worstCount()).isEqualTo(302);
        assertThat(Math.floor(verdict.allowedThere())).isEqualTo(300);
    }

    @Test
    void aBreachLaterInTheRunIsFoundInItsOwnStretch() {
        List<Admitted> admitted = new ArrayList<>();
        // a quiet start: 10 requests over 10 s, then 20 s of nothing (the bucket is full again) ...
        for (int i = 0; i < 10; i++) {
            admitted.add(new Admitted(i * 1000 * MS, i * 1000 * MS + 10 * MS));
        }
        // ... then 320 let through within one second, where the bucket allows 300 + 5
        long t = 30_000 * MS;
        for (int i = 0; i < 320; i++) {
            admitted.add(new Admitted(t + i * MS, t + 1000 * MS));
        }

        RateLimitWindows.Verdict verdict = limit.check(admitted);

        assertThat(verdict.held()).isFalse();
        assertThat(verdict.worstCount()).isEqualTo(320);
        assertThat(verdict.stretch()).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void slowAnswersWidenTheStretchInTheLimitsFavourNeverAgainstIt() {
        // 300 sent at once but answered over 10 s: admitted within [0, 10 s], where 350 are allowed
        List<Admitted> admitted = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            admitted.add(new Admitted(0, (i + 1) * 33 * MS));
        }
        assertThat(limit.check(admitted).held()).isTrue();
    }

    @Test
    void nothingAdmittedHolds() {
        assertThat(limit.check(List.of()).held()).isTrue();
    }
}
