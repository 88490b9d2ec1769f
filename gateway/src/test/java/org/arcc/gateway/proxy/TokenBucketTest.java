package org.arcc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.IntStream;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** One client's bucket at the gateway ({@link TokenBucket}): the burst, the refusal and what the client is told. */
@UnitTest
class TokenBucketTest {

    @Test
    void aBurstUpToTheCapacityIsAllowedAndTheNextRequestRefused() {
        TokenBucket bucket = new TokenBucket(5, 5, Duration.ofHours(1));

        long allowed = IntStream.range(0, 5).filter(i -> bucket.tryConsume().allowed()).count();
        TokenBucket.Decision refused = bucket.tryConsume();

        assertThat(allowed).isEqualTo(5);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.limit()).isEqualTo(5);
    }

    @Test
    void aRefusalSaysWhenTheNextTokenComes() {
        TokenBucket bucket = new TokenBucket(1, 1, Duration.ofMinutes(1));
        bucket.tryConsume();

        TokenBucket.Decision refused = bucket.tryConsume();

        assertThat(refused.retryAfterSeconds()).isBetween(59L, 60L);
        assertThat(refused.resetSeconds()).isBetween(59L, 60L);
    }

    @Test
    void whatRemainsCountsDown() {
        TokenBucket bucket = new TokenBucket(3, 3, Duration.ofHours(1));

        assertThat(bucket.tryConsume().remaining()).isEqualTo(2);
        assertThat(bucket.tryConsume().remaining()).isEqualTo(1);
        assertThat(bucket.tryConsume().remaining()).isZero();
    }

    @Test
    void anIdleBucketIsFullAndAUsedOneIsNot() {
        TokenBucket bucket = new TokenBucket(3, 3, Duration.ofHours(1));
        assertThat(bucket.isFull()).isTrue();
        bucket.tryConsume();
        assertThat(bucket.isFull()).isFalse();
    }

    @Test
    void tokensComeBackAtTheRefillRate() {
        // one token every 20 ms: refused at once, allowed again soon after
        TokenBucket bucket = new TokenBucket(1, 1, Duration.ofMillis(20));
        bucket.tryConsume();

        await().atMost(Duration.ofSeconds(5)).until(() -> bucket.tryConsume().allowed());
    }
}
