package org.arcc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

import io.netty.handler.timeout.ReadTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceTimeoutException;

/** A slow upstream (504) is told from an unreachable or failing one (503) by the exception's type, not its words. */
@UnitTest
class UpstreamTimeoutsTest {

    @Test
    void theRequestsIdleTimeoutIsATimeout() {
        assertThat(Upstreams.timedOut(new NoStackTraceTimeoutException("The timeout period of 2000ms has been exceeded")))
                .isTrue();
        assertThat(Upstreams.timedOut(new TimeoutException())).isTrue();
    }

    @Test
    void aTimeoutWrappedByTheProxyIsStillATimeout() {
        assertThat(Upstreams.timedOut(new VertxException(new TimeoutException("slow")))).isTrue();
        assertThat(Upstreams.timedOut(new IllegalStateException(ReadTimeoutException.INSTANCE))).isTrue();
    }

    @Test
    void wordsInAMessageDoNotMakeATimeout() {
        assertThat(Upstreams.timedOut(new VertxException("Connection was closed (keep-alive timeout header)")))
                .isFalse();
        assertThat(Upstreams.timedOut(new ConnectException("Connection refused: timeout"))).isFalse();
    }
}
