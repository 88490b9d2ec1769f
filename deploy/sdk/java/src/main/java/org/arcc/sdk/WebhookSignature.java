package org.arcc.sdk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook delivery came from the platform. The cases service signs each delivery with the secret
 * registered for the partner ({@code PUT /api/v1/partners/{partner}/webhook}):
 *
 * <pre>
 * X-Arcc-Timestamp: &lt;seconds since the epoch when this attempt was sent&gt;
 * X-Arcc-Signature: sha256=&lt;hex HMAC-SHA256(secret, "&lt;X-Arcc-Timestamp&gt;.&lt;raw body&gt;")&gt;
 * X-Arcc-Delivery:  &lt;delivery id, the same on every retry of one delivery&gt;
 * </pre>
 *
 * A delivery verifies when the signature matches (compared in constant time) and its timestamp is within the
 * tolerance of this machine's clock (default 5 minutes; each retry is signed afresh, so a genuine delivery is always
 * recent): a recorded delivery replayed later is refused. Deduplicate on {@code X-Arcc-Delivery}: a delivery can
 * arrive more than once when your answer did not reach the platform.
 * <p>
 * Verify the body exactly as received, before parsing it.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Arcc-Signature";
    public static final String TIMESTAMP_HEADER = "X-Arcc-Timestamp";
    public static final String DELIVERY_HEADER = "X-Arcc-Delivery";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "sha256=";

    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookSignature(String secret) {
        this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public WebhookSignature(String secret, Duration tolerance, Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A webhook secret is needed");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Why a delivery was refused, or {@link #VALID}. */
    public enum Verdict {
        VALID, MISSING_HEADERS, MALFORMED_SIGNATURE, WRONG_SIGNATURE, TIMESTAMP_OUT_OF_TOLERANCE
    }

    /** Whether the delivery verifies; see {@link #check} for why not. */
    public boolean verify(String timestampHeader, String signatureHeader, byte[] rawBody) {
        return check(timestampHeader, signatureHeader, rawBody) == Verdict.VALID;
    }

    public Verdict check(String timestampHeader, String signatureHeader, byte[] rawBody) {
        if (timestampHeader == null || signatureHeader == null || rawBody == null) {
            return Verdict.MISSING_HEADERS;
        }
        long timestamp;
        byte[] presented;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
            String value = signatureHeader.trim();
            if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                return Verdict.MALFORMED_SIGNATURE;
            }
            presented = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException malformed) { // NumberFormatException included
            return Verdict.MALFORMED_SIGNATURE;
        }
        // The signature first: an unsigned timestamp says nothing.
        if (!MessageDigest.isEqual(presented, mac(timestampHeader.trim(), rawBody))) {
            return Verdict.WRONG_SIGNATURE;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant()).abs();
        return age.compareTo(tolerance) > 0 ? Verdict.TIMESTAMP_OUT_OF_TOLERANCE : Verdict.VALID;
    }

    /** The {@code X-Arcc-Signature} value for a body sent at {@code timestamp}: what the platform sends (and tests use). */
    public String sign(long timestamp, byte[] rawBody) {
        return PREFIX + HexFormat.of().formatHex(mac(Long.toString(timestamp), rawBody));
    }

    private byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
