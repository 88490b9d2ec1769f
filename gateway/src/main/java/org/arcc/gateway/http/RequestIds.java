package org.arcc.gateway.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: taken from the client when well-formed, made up otherwise. W3C trace context is OpenTelemetry's. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    public static String requestId(String incoming) {
        return incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
