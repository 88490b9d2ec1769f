package org.arcc.vocabulary;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids and W3C trace context, as the gateway and every service take them from a client: the client's when
 * well-formed, made up otherwise, so an id never injects a log line and a trace is never malformed.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    /** What we accept as a client's request id; anything else is replaced. */
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern VALID_TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private RequestIds() {
    }

    /** The client's request id if it is safe to log and echo, else a new one. */
    public static String requestId(String incoming) {
        return incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    /** Whether a client's traceparent is well-formed (W3C Trace Context). */
    public static boolean validTraceparent(String incoming) {
        return incoming != null && VALID_TRACEPARENT.matcher(incoming).matches();
    }

    /** The client's traceparent when valid, else a new trace whose root span is the caller's (the gateway's). */
    public static String traceparent(String incoming) {
        if (validTraceparent(incoming)) {
            return incoming;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        random.nextBytes(trace);
        random.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
