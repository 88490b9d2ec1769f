package org.arcc.common.telemetry;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps out of a service's spans what its logs keep out: every query string, and the path below a route whose last
 * segment is a secret (evidence's survivor status, {@code /api/v1/evidence/status/{code}}: the code is the survivor's
 * key). The span name and {@code http.route} are the route's template and stay. Runs as each span starts, before any
 * exporter sees it. The gateway does the same for its own spans (gateway {@code telemetry/SpanRedaction}).
 */
@Singleton
public class SpanRedaction implements SpanProcessor {

    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final String REDACTED = "{redacted}";

    private final List<String> secretPaths;

    /** @param secretPaths route prefixes whose next path segment is a secret ({@code arcc.telemetry.secret-paths}) */
    public SpanRedaction(@ConfigProperty(name = "arcc.telemetry.secret-paths") Optional<List<String>> secretPaths) {
        this.secretPaths = secretPaths.orElse(List.of());
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String path = span.getAttribute(URL_PATH);
        if (path != null) {
            span.setAttribute(URL_PATH, loggable(path));
        }
        if (span.getAttribute(URL_QUERY) != null) {
            span.setAttribute(URL_QUERY, REDACTED);
        }
        String full = span.getAttribute(URL_FULL);
        if (full != null) {
            span.setAttribute(URL_FULL, loggableUrl(full));
        }
    }

    String loggable(String path) {
        for (String prefix : secretPaths) {
            if (path.startsWith(prefix + "/") && path.length() > prefix.length() + 1) {
                return prefix + "/" + REDACTED;
            }
        }
        return path;
    }

    private String loggableUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority() + loggable(uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return REDACTED;
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
