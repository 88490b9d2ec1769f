package org.arcc.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.arcc.sdk.WebhookSignature.Verdict;
import org.junit.jupiter.api.Test;

/** The scheme of services/cases PartnerWebhooks: sha256=hex(HMAC-SHA256(secret, "timestamp.body")). */
class WebhookSignatureTest {

    private static final String SECRET = "whsec-test-1";
    private static final long SENT_AT = 1764650000L;
    private static final byte[] BODY = "{\"deliveryId\":\"d1\",\"status\":\"ACCEPTED\"}".getBytes(StandardCharsets.UTF_8);
    // Computed independently: python3 hmac.new(b'whsec-test-1', b'1764650000.' + body, hashlib.sha256).hexdigest()
    private static final String SIGNATURE = "sha256=f5054da58d56f649ccd17e1bb1e37ff80561adfb26f8061287b0a2e38ac1624e";

    private final WebhookSignature atSendTime = at(SENT_AT + 3);

    private static WebhookSignature at(long epochSecond) {
        return new WebhookSignature(SECRET, Duration.ofMinutes(5), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void aDeliverySignedByThePlatformVerifies() {
        assertThat(atSendTime.check(Long.toString(SENT_AT), SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
        assertThat(atSendTime.sign(SENT_AT, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void aChangedBodyOrTimestampOrAnotherSecretIsRefused() {
        byte[] changed = "{\"deliveryId\":\"d1\",\"status\":\"DECLINED\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(atSendTime.check(Long.toString(SENT_AT), SIGNATURE, changed)).isEqualTo(Verdict.WRONG_SIGNATURE);
        assertThat(atSendTime.check(Long.toString(SENT_AT + 1), SIGNATURE, BODY)).isEqualTo(Verdict.WRONG_SIGNATURE);
        WebhookSignature otherSecret = new WebhookSignature("another-secret", Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(SENT_AT), ZoneOffset.UTC));
        assertThat(otherSecret.verify(Long.toString(SENT_AT), SIGNATURE, BODY)).isFalse();
    }

    @Test
    void aRecordedDeliveryReplayedOutsideTheToleranceIsRefused() {
        assertThat(at(SENT_AT + 300).check(Long.toString(SENT_AT), SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
        assertThat(at(SENT_AT + 301).check(Long.toString(SENT_AT), SIGNATURE, BODY))
                .isEqualTo(Verdict.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(at(SENT_AT - 301).check(Long.toString(SENT_AT), SIGNATURE, BODY))
                .isEqualTo(Verdict.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertThat(atSendTime.check(null, SIGNATURE, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(atSendTime.check(Long.toString(SENT_AT), null, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(atSendTime.check("yesterday", SIGNATURE, BODY)).isEqualTo(Verdict.MALFORMED_SIGNATURE);
        assertThat(atSendTime.check(Long.toString(SENT_AT), SIGNATURE.substring(7), BODY)).isEqualTo(Verdict.MALFORMED_SIGNATURE);
        assertThat(atSendTime.check(Long.toString(SENT_AT), "sha256=zz", BODY)).isEqualTo(Verdict.MALFORMED_SIGNATURE);
        assertThat(atSendTime.check(Long.toString(SENT_AT), "sha256=" + "00".repeat(32), BODY)).isEqualTo(Verdict.WRONG_SIGNATURE);
    }
}
