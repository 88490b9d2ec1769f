package org.arcc.gateway.telemetry;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.arcc.gateway.routing.RouteTable;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps what the gateway's access log keeps out of its spans too: the survivor's one-time code below a public
 * route (her key) and every query string. Runs as each span starts, before any exporter sees it.
 */
@Singleton
public class SpanRedaction implements SpanProcessor {

    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final String REDACTED = "{redacted}";

    @Inject
    RouteTable routes;

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

    private String loggable(String path) {
        return routes.match(path).map(route -> route.loggablePath(path)).orElse(path);
    }

    private String loggableUrl(String url) {
        try {
            URI uri = URI.create(url);
            String origin = uri.getScheme() + "://" + uri.getRawAuthority();
            return origin + loggable(uri.getRawPath() == null ? "" : uri.getRawPath());
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
