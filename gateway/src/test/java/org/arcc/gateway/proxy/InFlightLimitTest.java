package org.arcc.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** One client's requests in flight at the gateway ({@link InFlightLimit}): the limit, the release, other clients. */
@UnitTest
class InFlightLimitTest {

    @Test
    void upToTheLimitAreAdmittedAndTheNextIsRefused() {
        InFlightLimit limit = new InFlightLimit(3);

        List<InFlightLimit.Admission> first = IntStream.range(0, 3).mapToObj(i -> limit.tryEnter("khi-api")).toList();
        InFlightLimit.Admission fourth = limit.tryEnter("khi-api");

        assertThat(first).allMatch(InFlightLimit.Admission::admitted);
        assertThat(fourth.admitted()).isFalse();
        assertThat(fourth.permit()).isNull();
        assertThat(fourth.limit()).isEqualTo(3);
        assertThat(limit.inFlight("khi-api")).isEqualTo(3);
    }

    @Test
    void anAnsweredRequestMakesRoomForTheNext() {
        InFlightLimit limit = new InFlightLimit(1);
        InFlightLimit.Admission first = limit.tryEnter("khi-api");

        first.permit().release();

        assertThat(limit.tryEnter("khi-api").admitted()).isTrue();
    }

    @Test
    void aPermitReleasedTwiceGivesBackOnePlaceOnly() {
        InFlightLimit limit = new InFlightLimit(2);
        InFlightLimit.Admission first = limit.tryEnter("khi-api");
        limit.tryEnter("khi-api");

        first.permit().release();
        first.permit().release();

        assertThat(limit.inFlight("khi-api")).isEqualTo(1);
        assertThat(limit.tryEnter("khi-api").admitted()).isTrue();
        assertThat(limit.tryEnter("khi-api").admitted()).as("the second release gave nothing back").isFalse();
    }

    @Test
    void oneClientAtItsLimitDoesNotRefuseAnother() {
        InFlightLimit limit = new InFlightLimit(2);
        limit.tryEnter("khi-api");
        limit.tryEnter("khi-api");

        assertThat(limit.tryEnter("khi-api").admitted()).isFalse();
        assertThat(limit.tryEnter("khi.caseworker").admitted()).isTrue();
    }

    @Test
    void aClientWithNothingInFlightIsForgotten() {
        InFlightLimit limit = new InFlightLimit(2);
        InFlightLimit.Admission a = limit.tryEnter("khi-api");
        InFlightLimit.Admission b = limit.tryEnter("khi-api");

        a.permit().release();
        b.permit().release();

        assertThat(limit.clients()).isZero();
    }

    @Test
    void theLimitIsAtLeastOne() {
        assertThatThrownBy(() -> new InFlightLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
