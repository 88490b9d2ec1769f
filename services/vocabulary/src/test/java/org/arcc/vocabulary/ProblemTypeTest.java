package org.arcc.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Problem type URIs are part of the API: one per kind of problem, all under urn:arcc:problem:. */
@Tag("unit")
class ProblemTypeTest {

    @Test
    void everyTypeHasItsOwnUriAnErrorStatusAndATitle() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri)).doesNotHaveDuplicates()
                .allMatch(uri -> uri.matches("urn:arcc:problem:[a-z]+(-[a-z]+)*"));
        assertThat(ProblemType.values()).allMatch(t -> t.status() >= 400 && t.status() <= 599 && !t.title().isBlank());
    }

    @Test
    void theGatewaysTimeoutIsTheOneClientsAlreadyHandle() {
        assertThat(ProblemType.UPSTREAM_TIMEOUT.uri()).isEqualTo("urn:arcc:problem:upstream-timeout");
        assertThat(ProblemType.UPSTREAM_TIMEOUT.status()).isEqualTo(504);
    }

    @Test
    void aServiceWhoseDatabaseIsAwayAsksForARetryWithItsOwnType() {
        assertThat(ProblemType.TEMPORARILY_UNAVAILABLE.uri()).isEqualTo("urn:arcc:problem:temporarily-unavailable");
        assertThat(ProblemType.TEMPORARILY_UNAVAILABLE.status()).isEqualTo(503);
    }
}
