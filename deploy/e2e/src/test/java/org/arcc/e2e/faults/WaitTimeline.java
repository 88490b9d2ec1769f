package org.arcc.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.testing.KafkaTopicReader;

/**
 * Why a request waited long: for each of the slowest kit registrations, when it was sent and answered, and for
 * each event of its case when the cases service wrote it to its outbox ({@code ce_time}), when the relay put it on
 * the topic (the record's timestamp) and when the evidence service applied it (its inbox claim). The gap that is
 * large says who held the request up: the relay (written → on the topic) or the consumer (on the topic → applied).
 */
final class WaitTimeline {

    private static final int SHOWN = 6;

    private WaitTimeline() {
    }

    static List<String> lines(List<LoadLedger.Waited> waited, List<ConsumerRecord<String, String>> caseEvents,
            Map<String, Instant> appliedByEvidence) {
        Map<String, List<ConsumerRecord<String, String>>> byCase = caseEvents.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key));
        List<String> lines = new ArrayList<>();
        lines.add(waited.size() + " kit registrations waited more than " + FaultLoad.LONG_WAIT.toSeconds() + " s for their case"
                + (waited.isEmpty() ? "" : "; the slowest " + Math.min(SHOWN, waited.size()) + ":"));
        for (LoadLedger.Waited request : waited.subList(0, Math.min(SHOWN, waited.size()))) {
            StringBuilder line = new StringBuilder(String.format("%s for case %s: sent %s, %s %s (%d s);", request.kind(),
                    request.caseId(), time(request.started()), request.gaveUp() ? "given up" : "answered",
                    time(request.ended()), request.took().toSeconds()));
            List<ConsumerRecord<String, String>> events = new ArrayList<>(byCase.getOrDefault(request.caseId(), List.of()));
            events.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
            if (events.isEmpty()) {
                line.append(" none of its events is on the topic");
            }
            for (ConsumerRecord<String, String> event : events) {
                String id = KafkaTopicReader.header(event, "ce_id");
                Instant written = Instant.parse(KafkaTopicReader.header(event, "ce_time"));
                Instant published = Instant.ofEpochMilli(event.timestamp());
                Instant applied = appliedByEvidence.get(id);
                line.append(String.format(" %s written %s, on the topic %s (+%d s), applied by evidence %s;",
                        KafkaTopicReader.header(event, "ce_type"), time(written), time(published),
                        Duration.between(written, published).toSeconds(), applied == null ? "never"
                                : time(applied) + " (+" + Duration.between(published, applied).toSeconds() + " s)"));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String time(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
