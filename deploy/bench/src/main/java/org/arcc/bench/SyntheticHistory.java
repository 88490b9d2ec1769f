package org.arcc.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arcc.contracts.EventType;
import org.arcc.contracts.cases.CaseOpened;
import org.arcc.contracts.cases.CaseOpenedV2;
import org.arcc.contracts.cases.ConsentGiven;
import org.arcc.contracts.cases.MedicoLegalReportSigned;
import org.arcc.contracts.cases.ReferralReceived;
import org.arcc.contracts.cases.ServiceDelivered;
import org.arcc.contracts.evidence.CustodyRecorded;
import org.arcc.contracts.evidence.EvidenceItemRegistered;
import org.arcc.contracts.legal.FirRegistered;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A synthetic event history as the services publish it (contract records, CloudEvents binary mode, key = aggregate
 * id, one topic per aggregate type): per case, its opening (v1 and v2), consent to statistics, a medico-legal exam
 * and counselling, the signed medico-legal report, a DNA swab registered and submitted to a lab, and an FIR; a
 * referral from an NGO for every third case. Cases arrive in 2015 and 2016 in the six cells, years nothing else on
 * the platform uses, so the history leaves the current figures alone. Codes and ids only: there is no survivor
 * data in it, real or invented.
 */
final class SyntheticHistory {

    static final List<String> CELLS = List.of("ISB", "KHI", "LHE-1", "LHE-2", "MUX", "RWP");
    static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    private static final List<String> AGE_BANDS = List.of("CHILD_0_11", "CHILD_12_17", "ADULT_18_24", "ADULT_25_59",
            "ADULT_60_PLUS");
    private static final List<String> CHANNELS = List.of("WALK_IN", "POLICE", "NGO_REFERRAL", "HOTLINE");
    private static final List<String> INCIDENTS = List.of("RAPE", "SEXUAL_ASSAULT", "PHYSICAL_ASSAULT");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One event as it goes on the broker. */
    record Event(EventType type, String key, Object payload) {

        byte[] json() {
            try {
                return JSON.writeValueAsBytes(payload);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Cannot write " + type.type(), e);
            }
        }
    }

    private SyntheticHistory() {
    }

    /** The events of the {@code n}th case (the same for the same n), in the order its services would publish them. */
    static List<Event> ofCase(int n) {
        Random random = new Random(n);
        String cell = CELLS.get(random.nextInt(CELLS.size()));
        YearMonth month = YearMonth.of(2015, 1).plusMonths(random.nextInt(24));
        Instant arrived = month.atDay(1 + random.nextInt(28)).atTime(random.nextInt(24), random.nextInt(60))
                .atZone(PAKISTAN).toInstant();
        String ageBand = AGE_BANDS.get(random.nextInt(AGE_BANDS.size()));
        String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
        UUID caseId = new UUID(0x5EA7_0000_0000_0000L | n, random.nextLong());
        String key = caseId.toString();
        String reference = cell + "-" + month.getYear() + "-" + String.format("%05d", n % 100_000);
        Instant opened = arrived.plus(Duration.ofMinutes(10));
        Instant exam = arrived.plus(Duration.ofMinutes(60 + random.nextInt(600)));
        List<Event> events = new ArrayList<>();
        events.add(new Event(CaseOpened.TYPE, key, new CaseOpened(caseId, reference, cell, channel, ageBand, arrived,
                opened)));
        events.add(new Event(CaseOpenedV2.TYPE, key, new CaseOpenedV2(caseId, reference, cell, channel, ageBand,
                random.nextInt(9) == 0 ? "MALE" : "FEMALE", LocalDate.ofInstant(arrived, PAKISTAN).minusDays(1),
                INCIDENTS.get(random.nextInt(INCIDENTS.size())), List.of("PPC_376"), List.of(), List.of(), arrived, opened)));
        events.add(new Event(ConsentGiven.TYPE, key, new ConsentGiven(caseId, uuid(random), cell, "STATISTICS", null,
                ageBand.startsWith("CHILD") ? "GUARDIAN" : "SURVIVOR", opened)));
        events.add(new Event(ServiceDelivered.TYPE, key, new ServiceDelivered(caseId, uuid(random), cell,
                "MEDICO_LEGAL_EXAM", "medical-officer", exam)));
        events.add(new Event(ServiceDelivered.TYPE, key, new ServiceDelivered(caseId, uuid(random), cell,
                "PSYCHOSOCIAL_COUNSELLING", "counsellor", exam.plus(Duration.ofHours(2)))));
        events.add(new Event(MedicoLegalReportSigned.TYPE, key, new MedicoLegalReportSigned(caseId, uuid(random), cell, 1,
                exam, exam.plus(Duration.ofHours(3)), List.of(), "a".repeat(64))));
        UUID item = uuid(random);
        Instant collected = exam.plus(Duration.ofMinutes(30));
        events.add(new Event(EvidenceItemRegistered.TYPE, item.toString(), new EvidenceItemRegistered(item,
                cell + "-EV-" + month.getYear() + "-" + String.format("%06d", n % 1_000_000), caseId, cell, "SWABS", false,
                collected)));
        events.add(new Event(CustodyRecorded.TYPE, item.toString(), new CustodyRecorded(item, caseId, cell, 2, 2L * n + 1,
                "SUBMITTED_TO_LAB", "custodian:forensic-lab-demo", "0".repeat(64),
                collected.plus(Duration.ofHours(6 + random.nextInt(90))))));
        events.add(new Event(FirRegistered.TYPE, key, new FirRegistered(caseId, cell, uuid(random), "ps-demo",
                List.of("PPC_376"), arrived.plus(Duration.ofHours(2 + random.nextInt(40))), 120L + random.nextInt(2400))));
        if (n % 3 == 0) {
            UUID referral = uuid(random);
            events.add(new Event(ReferralReceived.TYPE, referral.toString(), new ReferralReceived(referral, "ngo-demo",
                    cell, ageBand, "RAPE", arrived.minus(Duration.ofHours(3)))));
        }
        return events;
    }

    /** Publishes cases from {@code first} on until at least {@code events} events are on the broker; returns how many. */
    static long publish(BenchTarget target, int first, long events) {
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int n = first; sent < events; n++) {
                for (Event event : ofCase(n)) {
                    producer.send(record(event), (metadata, error) -> {
                        if (error != null) {
                            System.err.println("  could not publish: " + error.getMessage());
                        }
                    });
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    static ProducerRecord<String, byte[]> record(Event event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.type().topic(), event.key(), event.json());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/arcc/bench");
        header(record, "ce_type", event.type().type());
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", event.key());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
