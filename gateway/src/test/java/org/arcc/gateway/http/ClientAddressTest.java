package org.arcc.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** Whose bucket an anonymous request spends: the client the trusted ingress controller names, and no one else's say. */
@UnitTest
class ClientAddressTest {

    private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheConnectionIsTheClientWhateverTheHeaderSays() {
        assertThat(new ClientAddress(List.of()).of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void theIngressControllerNamesTheClient() {
        assertThat(behindIngress.of("10.2.0.15", List.of("198.51.100.23"))).isEqualTo("198.51.100.23");
        assertThat(behindIngress.of("fd00::15", List.of("2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void aCallerOutsideTheTrustedRangesCannotChooseItsBucket() {
        assertThat(behindIngress.of("198.51.100.23", List.of("192.0.2.99"))).isEqualTo("198.51.100.23");
    }

    @Test
    void addressesTheClientWroteBeforeTheProxiesAppendedAreIgnored() {
        // the client sent "X-Forwarded-For: 192.0.2.1", the controller appended the real address, an inner proxy its own
        assertThat(behindIngress.of("10.2.0.15", List.of("192.0.2.1, 198.51.100.23, 10.3.0.4")))
                .isEqualTo("198.51.100.23");
        assertThat(behindIngress.of("10.2.0.15", List.of("192.0.2.1", "198.51.100.23"))).isEqualTo("198.51.100.23");
    }

    @Test
    void withoutAUsableHeaderTheLastTrustedHopStands() {
        assertThat(behindIngress.of("10.2.0.15", List.of())).isEqualTo("10.2.0.15");
        assertThat(behindIngress.of("10.2.0.15", List.of("unknown"))).isEqualTo("10.2.0.15");
        assertThat(behindIngress.of("10.2.0.15", List.of("example.org"))).as("never a DNS name").isEqualTo("10.2.0.15");
    }

    @Test
    void aMisconfiguredRangeIsRefusedAtStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("ingress-nginx"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
