package org.arcc.contracts.telemetry;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The metrics the dashboard and the alerts of deploy/kubernetes read, as Prometheus names them, and who exposes
 * each at {@code /q/metrics}. A contract like the events': each exposer's tests check it exposes its metrics
 * ({@code MetricsExposedTest} in services/common, evidence and the gateway), and the Kubernetes checks refuse a rule
 * or a panel that reads a metric not listed here. Labels are bounded (consumer names, event types, route names,
 * route templates), never a case id.
 */
public final class PlatformMetrics {

    /** Who exposes a metric: every service (the shared code in arcc-common), one service, or the gateway. */
    public enum Exposer {
        EVERY_SERVICE, EVIDENCE, GATEWAY
    }

    /**
     * @param name    Prometheus name without the suffixes its type adds
     * @param type    {@code counter}, {@code gauge} or {@code histogram}
     * @param exposer who serves it
     */
    public record Metric(String name, String type, Exposer exposer) {

        /** The series names a query may use: a counter's {@code _total}, a histogram's buckets, count and sum. */
        public List<String> series() {
            return switch (type) {
                case "counter" -> List.of(name + "_total");
                case "histogram" -> List.of(name + "_bucket", name + "_count", name + "_sum", name + "_max");
                default -> List.of(name);
            };
        }
    }

    public static final Metric HTTP_SERVER_REQUESTS = new Metric("http_server_requests_seconds", "histogram", Exposer.EVERY_SERVICE);
    public static final Metric CONSUMER_LAG = new Metric("arcc_consumer_lag", "gauge", Exposer.EVERY_SERVICE);
    public static final Metric CONSUMER_DEAD_LETTERS = new Metric("arcc_consumer_dead_letters", "counter", Exposer.EVERY_SERVICE);
    public static final Metric CONSUMER_READY = new Metric("arcc_consumer_ready", "gauge", Exposer.EVERY_SERVICE);
    public static final Metric EVENTS_RECORDED = new Metric("arcc_events_recorded", "counter", Exposer.EVERY_SERVICE);
    public static final Metric OUTBOX_BACKLOG = new Metric("arcc_outbox_backlog", "gauge", Exposer.EVERY_SERVICE);
    public static final Metric OUTBOX_OLDEST_AGE = new Metric("arcc_outbox_oldest_age_seconds", "gauge", Exposer.EVERY_SERVICE);
    public static final Metric AUDIT_CHAIN_INTACT = new Metric("arcc_audit_chain_intact", "gauge", Exposer.EVERY_SERVICE);
    public static final Metric CUSTODY_LOG_INTACT = new Metric("arcc_custody_log_intact", "gauge", Exposer.EVIDENCE);
    public static final Metric CUSTODY_UNSIGNED_ENTRIES = new Metric("arcc_custody_log_unsigned_entries", "gauge", Exposer.EVIDENCE);
    public static final Metric CUSTODY_CHECKPOINT_AGE = new Metric("arcc_custody_checkpoint_age_seconds", "gauge", Exposer.EVIDENCE);
    public static final Metric GATEWAY_REQUESTS = new Metric("arcc_gateway_requests_seconds", "histogram", Exposer.GATEWAY);

    public static final List<Metric> ALL = List.of(HTTP_SERVER_REQUESTS, CONSUMER_LAG, CONSUMER_DEAD_LETTERS,
            CONSUMER_READY, EVENTS_RECORDED, OUTBOX_BACKLOG, OUTBOX_OLDEST_AGE, AUDIT_CHAIN_INTACT, CUSTODY_LOG_INTACT,
            CUSTODY_UNSIGNED_ENTRIES, CUSTODY_CHECKPOINT_AGE, GATEWAY_REQUESTS);

    /** Prometheus's own series about each scrape target ({@code up}): not exposed, but readable by every rule. */
    public static final Set<String> PROMETHEUS_SERIES = Set.of("up");

    private PlatformMetrics() {
    }

    /** Every series name a dashboard panel or an alert may read. */
    public static Set<String> readableSeries() {
        return Stream.concat(ALL.stream().flatMap(m -> m.series().stream()), PROMETHEUS_SERIES.stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static List<Metric> exposedBy(Exposer exposer) {
        return ALL.stream().filter(m -> m.exposer() == exposer).toList();
    }
}
