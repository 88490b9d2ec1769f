package org.arcc.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.arcc.contracts.Topics;
import org.arcc.contracts.cases.ConsentGiven;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * From a commit in the cases service to the figure that shows it, through the gateway, as users do: a case worker
 * opens a case (it does not count yet), then records the survivor's consent to statistics (the commit); the cell's
 * supervisor (exact figures for its own cell) reads the table every {@code pollMillis} until its cell's total for
 * the month is one higher. A consumer of the cases topic notes when the consent event reached the broker, which
 * splits the time into the outbox relay's part and the reporting service's part (consumer, projection, the
 * protection of the figures on the first read after the change).
 */
final class CommitToFigureBench {

    private static final String TABLE = "survivors-by-age-band";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final BenchTarget target;
    private final PlatformHttp api;
    private final StringBuilder report;
    private final Map<String, Long> onBroker = new ConcurrentHashMap<>();

    CommitToFigureBench(BenchTarget target, PlatformHttp api, StringBuilder report) {
        this.target = target;
        this.api = api;
        this.report = report;
    }

    void run(int samples, int warmup, String cell, int months, long pollMillis) throws Exception {
        String user = cell.toLowerCase(Locale.ROOT).replace("-", "");
        String caseWorker = user + ".caseworker";
        String supervisor = user + ".supervisor";
        YearMonth to = YearMonth.now(SyntheticHistory.PAKISTAN);
        String query = "/api/v1/reports/tables/" + TABLE + "?from=" + to.minusMonths(months - 1L) + "&to=" + to
                + "&cell=" + cell + "&category=TOTAL";
        Latencies commitToFigure = new Latencies();
        Latencies commitToBroker = new Latencies();
        Latencies brokerToFigure = new Latencies();
        Latencies consentPost = new Latencies();
        Latencies changedRead = new Latencies();
        Latencies unchangedRead = new Latencies();
        int timeouts = 0;
        AtomicBoolean listening = new AtomicBoolean(true);
        Thread listener = new Thread(() -> listen(listening), "bench-cases-topic");
        listener.setDaemon(true);
        listener.start();
        TimeUnit.SECONDS.sleep(3); // the listener is assigned and at the end of the topic
        try {
            for (int i = 0; i < warmup + samples; i++) {
                boolean measured = i >= warmup;
                Instant arrived = Instant.now().minus(Duration.ofHours(1));
                PlatformHttp.Answer opened = api.post(caseWorker, "/api/v1/cases", "{\"channel\":\"WALK_IN\","
                        + "\"ageBand\":\"ADULT_25_59\",\"arrivedAt\":\"" + arrived + "\",\"sexGender\":\"FEMALE\","
                        + "\"incidentType\":\"RAPE\"}");
                if (opened.status() != 201) {
                    throw new IllegalStateException("Intake refused: HTTP " + opened.status() + " " + opened.text());
                }
                String caseId = opened.body().path("id").asText();
                long before = total(read(supervisor, query), to.toString());

                long sent = System.nanoTime();
                PlatformHttp.Answer consent = api.post(caseWorker, "/api/v1/cases/" + caseId + "/consents",
                        "{\"purpose\":\"STATISTICS\",\"givenBy\":\"SURVIVOR\"}");
                long committed = System.nanoTime();
                if (consent.status() != 201) {
                    throw new IllegalStateException("Consent refused: HTTP " + consent.status() + " " + consent.text());
                }
                Long seen = null;
                while (System.nanoTime() - committed < LIMIT.toNanos()) {
                    long asked = System.nanoTime();
                    long now = total(api.get(supervisor, query), to.toString());
                    long answered = System.nanoTime();
                    if (now > before) {
                        seen = answered;
                        if (measured) {
                            changedRead.add((answered - asked) / 1e6);
                        }
                        break;
                    }
                    if (measured) {
                        unchangedRead.add((answered - asked) / 1e6);
                    }
                    TimeUnit.MILLISECONDS.sleep(pollMillis);
                }
                if (!measured) {
                    continue;
                }
                consentPost.add((committed - sent) / 1e6);
                if (seen == null) {
                    timeouts++;
                    continue;
                }
                commitToFigure.add((seen - committed) / 1e6);
                Long broker = onBroker.get(caseId);
                if (broker != null) {
                    commitToBroker.add((broker - committed) / 1e6);
                    brokerToFigure.add((seen - broker) / 1e6);
                }
                if ((i - warmup + 1) % 25 == 0) {
                    System.out.printf(Locale.ROOT, "  %d samples, p50 %s p99 %s%n", commitToFigure.count(),
                            Latencies.ms(commitToFigure.percentile(50)), Latencies.ms(commitToFigure.percentile(99)));
                }
            }
        } finally {
            listening.set(false);
            listener.join(5_000);
        }
        report.append("## Commit to figure\n\n")
                .append(String.format(Locale.ROOT, "%d samples after %d warm-up ones, %s's cases, table `%s` over %d"
                        + " months (%s to %s) read by `%s` every %d ms after the commit; %d not seen within %s.%n%n",
                        samples, warmup, cell, TABLE, months, to.minusMonths(months - 1L), to, supervisor, pollMillis,
                        timeouts, LIMIT))
                .append("| Measure | n | p50 | p95 | p99 | max |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
                .append(row("commit (consent POST answered) to figure read", commitToFigure))
                .append(row("commit to the event read from the broker (outbox relay)", commitToBroker))
                .append(row("event on the broker to figure read (consumer, projection, protection)", brokerToFigure))
                .append(row("the consent POST itself", consentPost))
                .append(row("table GET that first showed the change (cache miss)", changedRead))
                .append(row("table GETs before the change showed (hits, or misses after other changes)", unchangedRead))
                .append('\n');
    }

    private static String row(String measure, Latencies latencies) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", measure, latencies.count(),
                Latencies.ms(latencies.percentile(50)), Latencies.ms(latencies.percentile(95)),
                Latencies.ms(latencies.percentile(99)), Latencies.ms(latencies.max()));
    }

    /**
     * The table, asked again after a 504 or 409 (the first protection after a start can outlast the gateway's
     * upstream timeout on a loaded machine; a rebuild answers 409): only before a commit, never while timing.
     */
    private PlatformHttp.Answer read(String user, String query) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            PlatformHttp.Answer answer = api.get(user, query);
            if ((answer.status() != 504 && answer.status() != 409) || attempt == 10) {
                return answer;
            }
            TimeUnit.SECONDS.sleep(2);
        }
    }

    /** The cell's total for the month, as the table shows it to its supervisor (exact). */
    private static long total(PlatformHttp.Answer table, String month) {
        if (table.status() != 200) {
            throw new IllegalStateException("Table refused: HTTP " + table.status() + " " + table.text());
        }
        for (JsonNode row : table.body().path("rows")) {
            if (month.equals(row.path("period").asText())) {
                return row.path("value").asLong();
            }
        }
        throw new IllegalStateException("No row for " + month + " in " + table.text());
    }

    /** Notes when each consent-given event reaches the cases topic, by case id (the record key). */
    private void listen(AtomicBoolean listening) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (listening.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (type != null && ConsentGiven.TYPE.type().equals(new String(type.value(),
                            java.nio.charset.StandardCharsets.UTF_8))) {
                        onBroker.putIfAbsent(record.key(), System.nanoTime());
                    }
                }
            }
        }
    }
}
