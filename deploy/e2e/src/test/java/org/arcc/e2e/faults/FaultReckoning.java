package org.arcc.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.local.PlatformUnderTest;
import org.arcc.testing.KafkaTopicReader;

import org.assertj.core.api.SoftAssertions;

/**
 * After a fault and the load around it: every acknowledged request is readable, stored once, and every event
 * the services committed reached its consumers and was applied exactly once. Waits (Awaitility) until the
 * consumers have caught up, then counts, prints the counts as a row of docs/reliability.md's table (also written
 * to {@code target/reliability.md}), and asserts that every pair is exact.
 */
final class FaultReckoning {

    static final String TABLE_HEAD = "| Fault | Requests (attempts) | Retried, same key | No answer / 5xx / 500 | "
            + "Acknowledged: cases, consents, kits | Readable | Stored | Events committed / on the broker / redelivered "
            + "| Applied: evidence, reporting (projections; inbox claims) | Dead-lettered |";
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    private final String fault;
    private final FaultLoad load;
    private final Timestamp since;
    private final PlatformRecords records;

    /** {@code since}: the cases database's clock before the load began. */
    FaultReckoning(String fault, FaultLoad load, Timestamp since, PlatformRecords records) {
        this.fault = fault;
        this.load = load;
        this.since = since;
        this.records = records;
    }

    void reckon() {
        LoadLedger ledger = load.ledger();
        List<String> cases = ledger.ids("case");
        List<String> consents = ledger.ids("consent");
        List<String> kits = ledger.ids("kit");
        assertThat(cases).as("the load got intakes through at all").isNotEmpty();

        // Consumers catch up with whatever the relays published after the fault: wait until the projections hold
        // every acknowledged record (or time out, and the counts below say what is missing).
        try {
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(2)).until(() -> applied(cases, consents, kits)
                    .equals(List.of(cases.size(), consents.size(), cases.size(), consents.size(), kits.size())));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below with the counts
        }
        List<Integer> applied = applied(cases, consents, kits);

        int readable = readable(ledger.acknowledged());
        int storedCases = records.count("cases", "SELECT count(*) FROM survivor_case WHERE opened_at >= ?", since);
        int storedConsents = records.count("cases", "SELECT count(*) FROM consent WHERE case_id IN "
                + "(SELECT id FROM survivor_case WHERE opened_at >= ?)", since);
        int storedKits = records.count("evidence", "SELECT count(*) FROM evidence_item WHERE kit_number LIKE ?",
                load.kitPrefix() + "%");
        int outboxLeft = records.count("cases", "SELECT count(*) FROM outbox_event WHERE aggregate_id = ANY(CAST(? AS text[]))", cases)
                + records.count("evidence", "SELECT count(*) FROM outbox_event WHERE aggregate_id = ANY(CAST(? AS text[]))", kits);

        List<ConsumerRecord<String, String>> caseEvents = PlatformRecords.onTopic("arcc.cases.v1", Set.copyOf(cases));
        List<ConsumerRecord<String, String>> kitEvents = PlatformRecords.onTopic("arcc.evidence.v1", Set.copyOf(kits));
        Set<String> caseEventIds = ids(caseEvents);
        Set<String> kitEventIds = ids(kitEvents);
        int onBroker = caseEventIds.size() + kitEventIds.size();
        int redelivered = caseEvents.size() + kitEvents.size() - onBroker;
        Map<String, Integer> evidenceClaims = records.inboxClaims("evidence", caseEventIds);
        Set<String> reportingEvents = new HashSet<>(caseEventIds);
        reportingEvents.addAll(kitEventIds);
        Map<String, Integer> reportingClaims = records.inboxClaims("reporting", reportingEvents);
        int deadLettered = PlatformRecords.onTopic("arcc.cases.v1.dlq", Set.copyOf(cases)).size()
                + PlatformRecords.onTopic("arcc.evidence.v1.dlq", Set.copyOf(kits)).size();

        int acknowledged = cases.size() + consents.size() + kits.size();
        String row = String.format("| %s | %d (%d) | %d | %d / %d / %d | %d: %d, %d, %d | %d | %d, %d, %d | %d / %d / %d "
                + "| %d, %d; %d, %d, %d; %s; %s | %d |",
                fault, ledger.requests(), ledger.attempts(), ledger.retriedRequests(), ledger.lost(), ledger.serverErrors(),
                ledger.internalErrors(), acknowledged, cases.size(), consents.size(), kits.size(), readable,
                storedCases, storedConsents, storedKits, onBroker + outboxLeft, onBroker, redelivered,
                applied.get(0), applied.get(1), applied.get(2), applied.get(3), applied.get(4),
                evidenceClaims, reportingClaims, deadLettered);
        report(row, ledger);
        List<LoadLedger.Waited> waited = ledger.waited();
        Set<String> waitedCases = new HashSet<>();
        waited.forEach(w -> waitedCases.add(w.caseId()));
        List<ConsumerRecord<String, String>> waitedEvents = caseEvents.stream().filter(e -> waitedCases.contains(e.key()))
                .toList();
        WaitTimeline.lines(waited, waitedEvents, records.inboxClaimTimes("evidence", "evidence-cases", ids(waitedEvents)))
                .forEach(line -> System.out.println("[reliability] " + fault + ": " + line));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(ledger.gaveUpRequests()).as("requests never answered after 3 min of retries").isZero();
        soft.assertThat(ledger.internalErrors()).as("500 answers (a defect: every refusal is a problem, never a 500); "
                + "outcomes " + ledger.outcomes()).isZero();
        soft.assertThat(readable).as("acknowledged records readable afterwards").isEqualTo(acknowledged);
        soft.assertThat(List.of(storedCases, storedConsents, storedKits)).as("records stored (cases, consents, kits):"
                + " exactly one per acknowledged request, none for a retry").isEqualTo(List.of(cases.size(), consents.size(),
                kits.size()));
        soft.assertThat(outboxLeft).as("events still waiting in an outbox").isZero();
        soft.assertThat(applied).as("applied downstream: evidence's cases and consents, reporting's cases, consents "
                + "and kits").isEqualTo(List.of(cases.size(), consents.size(), cases.size(), consents.size(), kits.size()));
        soft.assertThat(evidenceClaims.getOrDefault("evidence-cases", 0)).as("evidence's inbox: each case event once")
                .isEqualTo(caseEventIds.size());
        soft.assertThat(reportingClaims.getOrDefault("reporting-projections", 0))
                .as("reporting's inbox: each case and kit event once").isEqualTo(reportingEvents.size());
        soft.assertThat(deadLettered).as("events dead-lettered").isZero();
        soft.assertAll();
    }

    /** evidence: cases, consents; reporting: cases, consents, kits (rows in their projections). */
    private List<Integer> applied(List<String> cases, List<String> consents, List<String> kits) {
        return List.of(
                records.count("evidence", "SELECT count(*) FROM case_projection WHERE case_id = ANY(?)", cases),
                records.count("evidence", "SELECT count(*) FROM case_consent WHERE consent_id = ANY(?)", consents),
                records.count("reporting", "SELECT count(*) FROM report_case WHERE case_id = ANY(?)", cases),
                records.count("reporting", "SELECT count(*) FROM report_consent WHERE consent_id = ANY(?)", consents),
                records.count("reporting", "SELECT count(*) FROM report_evidence_item WHERE item_id = ANY(?)", kits));
    }

    private static Set<String> ids(List<ConsumerRecord<String, String>> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(KafkaTopicReader.header(e, "ce_id")));
        return ids;
    }

    /** Acknowledged records read back through the gateway by whoever created them. */
    private static int readable(List<LoadLedger.Acknowledged> acknowledged) {
        HttpClient http = HttpClient.newHttpClient();
        int readable = 0;
        for (LoadLedger.Acknowledged record : acknowledged) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(PlatformUnderTest.gatewayUrl()
                        + record.path())).timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer "
                        + PlatformUnderTest.tokens().user(record.reader())).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(record.id())) {
                    readable++;
                }
            } catch (IOException e) {
                // not readable
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return readable;
    }

    private void report(String row, LoadLedger ledger) {
        System.out.println("[reliability] " + TABLE_HEAD);
        System.out.println("[reliability] " + row);
        System.out.println("[reliability] " + fault + ": outcomes of every attempt " + ledger.outcomes() + "; replayed "
                + ledger.replays() + "; gave up " + ledger.gaveUpRequests());
        Path file = Path.of("target", "reliability.md");
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            if (!Files.exists(file)) {
                lines.add(TABLE_HEAD);
                lines.add("|" + " --- |".repeat(10));
            }
            lines.add(row);
            lines.add("<!-- " + fault + ": outcomes " + ledger.outcomes() + "; replayed " + ledger.replays() + " -->");
            Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
