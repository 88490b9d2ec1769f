package org.arcc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * With N gateway replicas each enforcing its share, a client whose requests the load balancer spreads over all of them
 * gets its limit in total, not N times it. (deploy/e2e {@code GatewayReplicasIT} shows it with two running gateways.)
 */
@UnitTest
class RateLimitShareTest {

    @Test
    void twoReplicasTogetherAllowTheLimitOnce() {
        List<TokenBucket> replicas = List.of(TokenBucket.shareOf(10, 10, Duration.ofMinutes(1), 2),
                TokenBucket.shareOf(10, 10, Duration.ofMinutes(1), 2));

        long allowed = IntStream.range(0, 40).filter(i -> replicas.get(i % 2).tryConsume().allowed()).count();

        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void aLimitThatDoesNotDivideIsRoundedDownNeverUp() {
        List<TokenBucket> replicas = IntStream.range(0, 3)
                .mapToObj(i -> TokenBucket.shareOf(10, 10, Duration.ofMinutes(1), 3)).toList();

        long allowed = IntStream.range(0, 60).filter(i -> replicas.get(i % 3).tryConsume().allowed()).count();

        assertThat(allowed).isEqualTo(9);
    }

    @Test
    void oneReplicaHasTheWholeLimit() {
        TokenBucket alone = TokenBucket.shareOf(10, 10, Duration.ofMinutes(1), 1);

        assertThat(IntStream.range(0, 20).filter(i -> alone.tryConsume().allowed()).count()).isEqualTo(10);
    }
}
