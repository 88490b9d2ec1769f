package org.arcc.reporting.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.arcc.reporting.config.ReportingSettings;
import org.arcc.reporting.domain.FiguresKey;
import org.arcc.reporting.domain.ProtectedFigures;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Protected figures kept between requests, by {@link FiguresKey}: protecting every table of a period costs a
 * second, reading the projections' version costs a primary-key read. Entries are never invalidated one by one: a
 * change to the projections raises the version of the months it changed, so the next request for a period with one
 * of them asks for another key, on every replica, and old entries age out. Bounded by the number of figures held
 * ({@code arcc.reporting.cache.*}). A missing key is computed once, however many requests ask for it meanwhile
 * (they all wait for that computation), and at most {@code arcc.reporting.cache.computations} keys are computed at
 * once, the others queued in the order asked. Hits, misses and evictions are in the metrics as
 * {@code cache_*{cache="reporting-protected-figures"}}.
 */
@ApplicationScoped
public class ProtectedFiguresCache {

    static final String NAME = "reporting-protected-figures";

    @Inject
    ReportingSettings settings;

    @Inject
    MeterRegistry metrics;

    private AsyncCache<FiguresKey, ProtectedFigures> cache;
    private ExecutorService computations;

    @PostConstruct
    void create() {
        int threads = settings.cache().computations() > 0 ? settings.cache().computations()
                : Runtime.getRuntime().availableProcessors();
        AtomicInteger number = new AtomicInteger();
        computations = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "protected-figures-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        cache = Caffeine.newBuilder()
                .maximumWeight(settings.cache().maxFigures())
                .weigher((FiguresKey key, ProtectedFigures figures) -> figures.size())
                .expireAfterAccess(settings.cache().idle())
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(metrics, cache.synchronous(), NAME);
    }

    @PreDestroy
    void stop() {
        computations.shutdownNow();
    }

    /**
     * The figures kept for the key, or those {@code compute} makes (then kept; a computation that fails is not kept
     * and its exception is thrown to everyone who waited for it).
     */
    public ProtectedFigures get(FiguresKey key, Function<FiguresKey, ProtectedFigures> compute) {
        CompletableFuture<ProtectedFigures> figures = cache.get(key,
                (wanted, executor) -> CompletableFuture.supplyAsync(() -> compute.apply(wanted), computations));
        try {
            return figures.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Hits, misses and evictions since start. */
    public CacheStats stats() {
        return cache.synchronous().stats();
    }
}
