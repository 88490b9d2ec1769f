package org.arcc.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The liveness rules of a consumer, without Kafka: backoff, stall limit, errors that need an operator. */
@UnitTest
class ConsumerLivenessTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final ConsumerLiveness liveness = fresh();

    @Test
    void theBackoffDoublesWithEachFailureInARowUpToTheMaximumAndStartsOverAfterASuccess() {
        List<Duration> backoffs = IntStream.range(0, 7)
                .mapToObj(i -> liveness.failed(new CommitFailedException("rebalanced"))).toList();

        assertThat(backoffs).extracting(Duration::toSeconds).containsExactly(2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(liveness.succeeded(START.plusSeconds(100))).as("failures the success ended").isEqualTo(7);
        assertThat(liveness.failed(new RebalanceInProgressException())).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void failingWithinTheStallLimitIsUpAndShowsTheFailures() {
        liveness.failed(new KafkaException("poll"));
        liveness.failed(new CommitFailedException("rebalanced"));

        ConsumerHealth health = liveness.at(START.plus(Duration.ofMinutes(2)), true, 7);

        assertThat(health.up()).isTrue();
        assertThat(health.reason()).isNull();
        assertThat(health.consecutiveFailures()).isEqualTo(2);
        assertThat(health.lastError()).isEqualTo("CommitFailedException");
        assertThat(health.secondsSincePoll()).isEqualTo(120);
        assertThat(health.lag()).isEqualTo(7);
        assertThat(health.topics()).containsExactly("arcc.cases.v1");
    }

    @Test
    void noSuccessfulPollForLongerThanTheStallLimitIsDown() {
        Instant lastPoll = START.plusSeconds(10);
        liveness.succeeded(lastPoll);
        liveness.failed(new KafkaException("poll"));

        assertThat(liveness.at(lastPoll.plus(Duration.ofMinutes(2)), true, 0).up()).as("at the limit").isTrue();
        ConsumerHealth health = liveness.at(lastPoll.plus(Duration.ofMinutes(2)).plusMillis(1), true, 0);
        assertThat(health.up()).isFalse();
        assertThat(health.reason()).isEqualTo("no successful poll for 120 s (limit 120 s); last error KafkaException");
    }

    @Test
    void aConsumerThatNeverPolledCountsFromItsStart() {
        assertThat(liveness.at(START.plusSeconds(119), true, 0).up()).isTrue();
        assertThat(liveness.at(START.plusSeconds(121), true, 0).up()).isFalse();
    }

    @Test
    void anErrorThatRetryingCannotClearIsDownAtOnceRetriedAtTheMaximumBackoffAndClearedByASuccess() {
        assertThat(liveness.failed(new TopicAuthorizationException("no ACL"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(liveness.at(START.plusSeconds(1), true, 0).reason())
                .startsWith("TopicAuthorizationException is not cleared by retrying");
        assertThat(ConsumerLiveness.isFatal(new SaslAuthenticationException("bad password"))).isTrue();
        assertThat(ConsumerLiveness.isFatal(new CommitFailedException("rebalanced"))).isFalse();

        liveness.succeeded(START.plusSeconds(31));

        assertThat(liveness.at(START.plusSeconds(32), true, 0).up()).isTrue();
    }

    @Test
    void aThreadThatEndedIsDownForGood() {
        liveness.ended(new OutOfMemoryError());

        ConsumerHealth health = liveness.at(START.plusSeconds(1), false, 0);

        assertThat(health.up()).isFalse();
        assertThat(health.alive()).isFalse();
        assertThat(health.reason()).startsWith("thread ended on OutOfMemoryError");
        assertThat(fresh().at(START.plusSeconds(1), false, 0).reason()).as("a thread gone without a word")
                .startsWith("thread ended; nothing restarts it");
    }

    private static ConsumerLiveness fresh() {
        return new ConsumerLiveness("evidence-cases", List.of("arcc.cases.v1"), START, Duration.ofSeconds(2),
                Duration.ofSeconds(30), Duration.ofMinutes(2));
    }
}
