package org.arcc.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The outbox relay publishes with a transactional producer, which ends each transaction with a commit marker on
 * every partition it wrote to. No consumer ever receives a marker: a consumer that committed its last record's offset
 * + 1 would stay one short of the partition's end offset until the next event, and reporting's rebuild, which waits
 * until the group's committed offsets reach the topics' end offsets, would wait that long. Against a real broker and a
 * real PostgreSQL, the inbox consumer commits past the markers, whether a poll brought one record of a partition
 * (applied on its own) or several (applied in one transaction).
 */
@QuarkusTest
@TestProfile(ConsumerResilienceTest.Faults.class)
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "resilience"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ConsumerCommitsPastTransactionMarkersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The commit follows the apply in the same poll cycle. */
    private static final Duration COMMIT_PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Inject
    StepProjection projection;

    @Test
    void afterTransactionsOfOneEventTheGroupHasCommittedUpToEachPartitionsEnd() throws Exception {
        List<String> aggregates = StepTopic.aggregates("one-a-transaction", partitions());
        String run = StepTopic.runOf(aggregates);
        List<List<ProducerRecord<String, byte[]>>> transactions = new ArrayList<>();
        for (int partition = 0; partition < aggregates.size(); partition++) {
            transactions.add(List.of(step(partition, aggregates.get(partition), 1)));
        }

        Set<TopicPartition> written = publishTransactionally(transactions);

        await().atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == aggregates.size());
        assertCommittedUpToTheEnd(written);
    }

    @Test
    void afterATransactionOfSeveralEventsPerPartitionTheGroupHasCommittedUpToEachPartitionsEnd() throws Exception {
        List<String> aggregates = StepTopic.aggregates("several-a-transaction", partitions());
        String run = StepTopic.runOf(aggregates);
        List<ProducerRecord<String, byte[]>> transaction = new ArrayList<>();
        for (int seq = 1; seq <= 3; seq++) {
            for (int partition = 0; partition < aggregates.size(); partition++) {
                transaction.add(step(partition, aggregates.get(partition), seq));
            }
        }

        Set<TopicPartition> written = publishTransactionally(List.of(transaction));

        await().atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == 3L * aggregates.size());
        assertThat(StepTables.outOfOrder(dataSource, run)).isZero();
        assertThat(projection.transactionsApplying(run)).as("database transactions that applied the steps: each"
                + " partition's records of a poll were applied together").isLessThanOrEqualTo(aggregates.size());
        assertCommittedUpToTheEnd(written);
    }

    /**
     * A relay transaction aborted around a broker outage leaves records and an abort marker that a
     * {@code read_committed} consumer never receives: its position moves past them on a poll that returns nothing,
     * and that position is committed too.
     */
    @Test
    void afterAnAbortedTransactionTheGroupHasCommittedPastIt() throws Exception {
        List<String> aggregates = StepTopic.aggregates("aborted-after", partitions());
        String run = StepTopic.runOf(aggregates);
        List<ProducerRecord<String, byte[]>> committed = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> aborted = new ArrayList<>();
        for (int partition = 0; partition < aggregates.size(); partition++) {
            committed.add(step(partition, aggregates.get(partition), 1));
            aborted.add(step(partition, aggregates.get(partition), 2));
        }

        Set<TopicPartition> written = publishTransactionally(List.of(committed));
        await().atMost(PATIENCE).until(() -> StepTables.applied(dataSource, run) == aggregates.size());
        written.addAll(publishAndAbort(aborted));

        assertCommittedUpToTheEnd(written);
        assertThat(StepTables.applied(dataSource, run)).as("steps applied: the aborted ones never")
                .isEqualTo(aggregates.size());
    }

    /** For every partition written to, the consumer group's committed offset is the partition's end offset. */
    private static void assertCommittedUpToTheEnd(Set<TopicPartition> written) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            await().atMost(COMMIT_PATIENCE).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(StepProjection.CONSUMER)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = written.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                Map<String, Long> ends = new TreeMap<>();
                admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                        .forEach((partition, end) -> ends.put(partition.toString(), end.offset()));
                Map<String, Long> committedOffsets = new TreeMap<>();
                written.forEach(p -> committedOffsets.put(p.toString(),
                        committed.get(p) == null ? -1 : committed.get(p).offset()));
                assertThat(committedOffsets)
                        .as("offsets committed by group %s, each to be its partition's end offset (past the commit"
                                + " marker), not one short", StepProjection.CONSUMER)
                        .isEqualTo(ends);
            });
        }
    }

    /** Publishes each list of records in a Kafka transaction of its own, as the outbox relay does a batch. */
    private static Set<TopicPartition> publishTransactionally(List<List<ProducerRecord<String, byte[]>>> transactions)
            throws Exception {
        Set<TopicPartition> written = new HashSet<>();
        try (KafkaProducer<String, byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            for (List<ProducerRecord<String, byte[]>> transaction : transactions) {
                producer.beginTransaction();
                written.addAll(send(producer, transaction));
                producer.commitTransaction();
            }
        }
        return written;
    }

    /** Sends the records in one Kafka transaction and aborts it, as the relay does a batch the broker failed. */
    private static Set<TopicPartition> publishAndAbort(List<ProducerRecord<String, byte[]>> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            Set<TopicPartition> written = send(producer, records);
            producer.abortTransaction();
            return written;
        }
    }

    /** Sends the records inside the producer's open transaction; returns the partitions they were written to. */
    private static Set<TopicPartition> send(KafkaProducer<String, byte[]> producer,
            List<ProducerRecord<String, byte[]>> records) throws Exception {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record : records) {
            sends.add(producer.send(record));
        }
        producer.flush();
        Set<TopicPartition> written = new HashSet<>();
        for (Future<RecordMetadata> send : sends) {
            RecordMetadata sent = send.get();
            written.add(new TopicPartition(sent.topic(), sent.partition()));
        }
        return written;
    }

    /** A step event with the headers the relay sets, sent to the given partition. */
    private static ProducerRecord<String, byte[]> step(int partition, String aggregate, int seq) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Step.TOPIC, partition, aggregate,
                JSON.writeValueAsBytes(new Step(aggregate, seq, false)));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/arcc/test");
        header(record, "ce_type", Step.TYPE.type());
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", aggregate);
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The step topic's partitions (the topic is created if it is not there yet). */
    private static int partitions() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            return producer.partitionsFor(Step.TOPIC).size();
        }
    }

    private static KafkaProducer<String, byte[]> transactionalProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "commit-markers-test-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static String bootstrapServers() {
        return KafkaBrokerResource.broker().bootstrapServers();
    }
}
