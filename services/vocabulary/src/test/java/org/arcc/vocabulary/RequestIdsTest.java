package org.arcc.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A client's request id and traceparent are kept only when well-formed; otherwise new ones are made. */
@Tag("unit")
class RequestIdsTest {

    @Test
    void aSafeRequestIdIsKeptAndAnythingElseReplaced() {
        assertThat(RequestIds.requestId("client-req-0001")).isEqualTo("client-req-0001");
        assertThat(RequestIds.requestId("short")).isNotEqualTo("short").hasSize(36);
        assertThat(RequestIds.requestId("evil\nINFO forged log line")).doesNotContain("\n");
        assertThat(RequestIds.requestId(null)).hasSize(36);
    }

    @Test
    void aValidTraceparentIsKeptAndAnInvalidOneStartsANewTrace() {
        String valid = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        assertThat(RequestIds.traceparent(valid)).isEqualTo(valid);
        assertThat(RequestIds.validTraceparent("00-xyz")).isFalse();
        assertThat(RequestIds.traceparent("00-xyz")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
}
