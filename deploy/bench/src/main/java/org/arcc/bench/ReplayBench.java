package org.arcc.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.arcc.contracts.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reporting's replay rate against a raw kafka-clients consumer, in the same run: fills the topics reporting reads up
 * to a number of events (synthetic cases, {@link SyntheticHistory}), waits until every consumer group on the
 * platform has caught up with them, times a plain consumer reading the four topics from the beginning, then
 * {@code POST /api/v1/reports/rebuild} until the rebuild reports {@code DONE}, then the plain consumer again.
 */
final class ReplayBench {

    static final List<String> TOPICS = List.of(Topics.CASES, Topics.REFERRALS, Topics.EVIDENCE, Topics.LEGAL);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(30);

    private final BenchTarget target;
    private final PlatformHttp api;
    private final StringBuilder report;

    ReplayBench(BenchTarget target, PlatformHttp api, StringBuilder report) {
        this.target = target;
        this.api = api;
        this.report = report;
    }

    /**
     * @param wantedEvents   fill the topics up to this many events first
     * @param catchUp        wait until every consumer group caught up before timing
     * @param rebuildSeconds stop timing the rebuild after this long (it goes on) and report the rate so far; 0 waits
     *                       for DONE
     */
    void run(long wantedEvents, boolean catchUp, long rebuildSeconds) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap()))) {
            long before = total(ends(admin)) - total(beginnings(admin));
            if (before < wantedEvents) {
                long missing = wantedEvents - before;
                System.out.printf(Locale.ROOT, "  filling the topics: %,d events there, publishing %,d more%n", before, missing);
                Instant start = Instant.now();
                long sent = SyntheticHistory.publish(target, (int) (before / 9) + 1_000_000, missing);
                System.out.printf(Locale.ROOT, "  published %,d events in %.1f s%n", sent,
                        Duration.between(start, Instant.now()).toMillis() / 1000.0);
            }
            if (catchUp) {
                System.out.println("  waiting until every consumer group has caught up (the services project the new events)");
                awaitCaughtUp(admin);
            }
            Map<TopicPartition, Long> beginnings = beginnings(admin);
            Map<TopicPartition, Long> ends = ends(admin);
            long events = total(ends) - total(beginnings);
            System.out.printf(Locale.ROOT, "  %,d events on %s%n", events, TOPICS);

            Timing rawBefore = rawConsumer(ends);
            Rebuild rebuild = rebuild(rebuildSeconds);
            Timing rawAfter = rawConsumer(ends(admin));

            double rebuildRate = rebuild.events() / rebuild.seconds();
            double ratio = rebuildRate / rawBefore.rate();
            report.append("## Replay\n\n")
                    .append(String.format(Locale.ROOT, "Events on the four topics: %,d%n%n", events))
                    .append("| Reader | Events | Time | Events/s |\n| --- | ---: | ---: | ---: |\n")
                    .append(row("raw kafka-clients consumer, before the rebuild", rawBefore.events(), rawBefore.seconds()))
                    .append(row(rebuild.done() ? "reporting rebuild (POST until DONE, as the bench saw it)"
                            : "reporting rebuild, first " + rebuildSeconds + " s (still RUNNING; eventsReplayed so far)",
                            rebuild.events(), rebuild.seconds()))
                    .append(rebuild.done() ? row("reporting rebuild (startedAt to finishedAt, as the service recorded it)",
                            rebuild.events(), rebuild.serviceSeconds()) : "")
                    .append(row("raw kafka-clients consumer, after the rebuild", rawAfter.events(), rawAfter.seconds()))
                    .append(String.format(Locale.ROOT, "%nRebuild / raw consumer: %.3f (aim >= 0.5); rebuild %,.0f events/s"
                            + " (aim >= 20,000)%n%n", ratio, rebuildRate));
        }
    }

    private static String row(String reader, long events, double seconds) {
        return String.format(Locale.ROOT, "| %s | %,d | %.2f s | %,.0f |%n", reader, events, seconds, events / seconds);
    }

    record Timing(long events, double seconds) {
        double rate() {
            return events / seconds;
        }
    }

    record Rebuild(long events, double seconds, double serviceSeconds, boolean done) {
    }

    /** A plain consumer (no group, byte arrays, default settings) reading every partition from its beginning to {@code ends}. */
    Timing rawConsumer(Map<TopicPartition, Long> ends) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>(ends.keySet());
            long start = System.nanoTime();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            Map<TopicPartition, Long> remaining = new HashMap<>(ends);
            remaining.values().removeIf(end -> end == 0);
            while (!remaining.isEmpty()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                read += records.count();
                for (TopicPartition partition : records.partitions()) {
                    Long end = remaining.get(partition);
                    if (end != null && consumer.position(partition) >= end) {
                        remaining.remove(partition);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  raw consumer: %,d events in %.2f s%n", read, seconds);
            return new Timing(read, seconds);
        }
    }

    /** Starts a rebuild as platform.admin and polls it every 100 ms until it is DONE or {@code limitSeconds} passed. */
    Rebuild rebuild(long limitSeconds) throws InterruptedException {
        long start = System.nanoTime();
        PlatformHttp.Answer started = api.post("platform.admin", "/api/v1/reports/rebuild", "{}");
        if (started.status() != 202) {
            throw new IllegalStateException("Rebuild refused: HTTP " + started.status() + " " + started.text());
        }
        String id = started.body().path("id").asText();
        while (true) {
            PlatformHttp.Answer state = api.get("platform.admin", "/api/v1/reports/rebuild/" + id);
            JsonNode body = state.body();
            String now = body.path("state").asText();
            if ("DONE".equals(now)) {
                double seconds = (System.nanoTime() - start) / 1e9;
                long events = body.path("eventsReplayed").asLong();
                double serviceSeconds = Duration.between(Instant.parse(body.path("startedAt").asText()),
                        Instant.parse(body.path("finishedAt").asText())).toMillis() / 1000.0;
                System.out.printf(Locale.ROOT, "  rebuild: %,d events in %.2f s%n", events, seconds);
                return new Rebuild(events, seconds, serviceSeconds, true);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (limitSeconds > 0 && elapsed >= limitSeconds && "RUNNING".equals(now)) {
                long events = body.path("eventsReplayed").asLong();
                System.out.printf(Locale.ROOT, "  rebuild: %,d events in the first %.2f s (still running)%n", events, elapsed);
                return new Rebuild(events, elapsed, Double.NaN, false);
            }
            if (!"RUNNING".equals(now)) {
                throw new IllegalStateException("Rebuild " + id + " ended " + now + ": " + state.text());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Until every consumer group's committed offsets on the four topics reach their ends. */
    private static void awaitCaughtUp(Admin admin) throws Exception {
        Instant deadline = Instant.now().plus(CATCH_UP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            Map<TopicPartition, Long> ends = ends(admin);
            long lag = 0;
            Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS);
            for (ConsumerGroupListing group : groups) {
                if (admin.describeConsumerGroups(List.of(group.groupId())).all().get(10, TimeUnit.SECONDS)
                        .get(group.groupId()).members().isEmpty()) {
                    continue; // nobody consumes for it now (an old run's group)
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Set<String> read = new java.util.HashSet<>();
                committed.keySet().forEach(p -> read.add(p.topic()));
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    if (read.contains(end.getKey().topic())) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        lag += end.getValue() - (at == null ? 0 : at.offset());
                    }
                }
            }
            if (lag == 0) {
                return;
            }
            System.out.printf(Locale.ROOT, "    %,d events still to be consumed%n", lag);
            TimeUnit.SECONDS.sleep(5);
        }
        throw new IllegalStateException("The platform's consumers did not catch up within " + CATCH_UP_LIMIT);
    }

    static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
        return offsets(admin, OffsetSpec.latest());
    }

    static Map<TopicPartition, Long> beginnings(Admin admin) throws Exception {
        return offsets(admin, OffsetSpec.earliest());
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<String> topics = TOPICS.stream().filter(existing::contains).toList();
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> wanted.put(new TopicPartition(name, p.partition()), spec)));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS).forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
