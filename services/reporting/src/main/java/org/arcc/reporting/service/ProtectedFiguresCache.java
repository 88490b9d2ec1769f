package org.arcc.reporting.service;

import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.arcc.reporting.config.ReportingSettings;
import org.arcc.reporting.domain.FiguresKey;
import org.arcc.reporting.domain.ProtectedFigures;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Protected figures kept between requests, by {@link FiguresKey}: protecting every table of a period costs a
 * second, reading the projections' version costs a primary-key read. Entries are never invalidated one by one: a
 * change to the projections raises the version, so the next request asks for another key, on every replica, and
 * old entries age out. Bounded by the number of figures held ({@code arcc.reporting.cache.*}); concurrent requests
 * for a missing key wait for one computation rather than each starting their own. Hits, misses and evictions are
 * in the metrics as {@code cache_*{cache="reporting-protected-figures"}}.
 */
@ApplicationScoped
public class ProtectedFiguresCache {

    static final String NAME = "reporting-protected-figures";

    @Inject
    ReportingSettings settings;

    @Inject
    MeterRegistry metrics;

    private Cache<FiguresKey, ProtectedFigures> cache;

    @PostConstruct
    void create() {
        cache = Caffeine.newBuilder()
                .maximumWeight(settings.cache().maxFigures())
                .weigher((FiguresKey key, ProtectedFigures figures) -> figures.size())
                .expireAfterAccess(settings.cache().idle())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(metrics, cache, NAME);
    }

    /** The figures kept for the key, or those {@code compute} makes (then kept). */
    public ProtectedFigures get(FiguresKey key, Function<FiguresKey, ProtectedFigures> compute) {
        return cache.get(key, compute);
    }

    /** Hits, misses and evictions since start. */
    public CacheStats stats() {
        return cache.stats();
    }
}
