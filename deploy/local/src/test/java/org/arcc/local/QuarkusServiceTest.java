package org.arcc.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The services' JVM options: a JDK that does not know an option must not be given it (it would not start). */
@UnitTest
class QuarkusServiceTest {

    @Test
    void theNativeHeapIsTrimmedOnlyByJdksThatKnowTheOption() {
        assertThat(QuarkusService.trimsNativeHeap(Runtime.Version.parse("17.0.15+6"))).isTrue();
        assertThat(QuarkusService.trimsNativeHeap(Runtime.Version.parse("17.0.9"))).isTrue();
        assertThat(QuarkusService.trimsNativeHeap(Runtime.Version.parse("17.0.8+7"))).isFalse();
        assertThat(QuarkusService.trimsNativeHeap(Runtime.Version.parse("21"))).isFalse();
        assertThat(QuarkusService.trimsNativeHeap(Runtime.Version.parse("21.0.1"))).isTrue();
        assertThat(QuarkusService.trimsNativeHeap(Runtime.Version.parse("20.0.2"))).isFalse();
        assertThat(QuarkusService.trimsNativeHeap(Runtime.Version.parse("25+36"))).isTrue();
    }
}
