package org.arcc.common.kafka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;

/**
 * Real Kafka consumers, each wrapped so that a test can make its next {@code commitSync}, or every
 * {@code poll} until healed, throw what a broker or the client would; and a real dead-letter producer whose
 * sends a test can make fail. Enabled by a test profile.
 */
@Alternative
@ApplicationScoped
public class FaultInjectingKafkaClients extends KafkaClients {

    private final Map<String, Faults> faults = new ConcurrentHashMap<>();
    private final AtomicBoolean deadLetterTopicDown = new AtomicBoolean();

    /** While down, every send to a dead-letter topic fails as it does when the broker cannot take it. */
    public void deadLetterTopicDown(boolean down) {
        deadLetterTopicDown.set(down);
    }

    @Override
    public KafkaProducer<String, byte[]> idempotentProducer(String clientId) {
        if (!clientId.equals("dead-letters")) {
            return super.idempotentProducer(clientId);
        }
        return new KafkaProducer<>(producerConfig(clientId)) {
            @Override
            public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
                if (deadLetterTopicDown.get()) {
                    return CompletableFuture.failedFuture(new TimeoutException("injected: dead-letter topic unreachable"));
                }
                return super.send(record);
            }
        };
    }

    /** The faults of a consumer group; armed before or after it starts. */
    public Faults of(String group) {
        return faults.computeIfAbsent(group, g -> new Faults());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Consumer<String, byte[]> inboxConsumer(String group, int maxPollRecords) {
        Consumer<String, byte[]> real = super.inboxConsumer(group, maxPollRecords);
        Faults armed = of(group);
        return (Consumer<String, byte[]>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                new Class<?>[] { Consumer.class }, (proxy, method, args) -> {
                    if (method.getName().equals("poll")) {
                        armed.beforePoll();
                    } else if (method.getName().equals("commitSync")) {
                        armed.beforeCommit();
                    }
                    try {
                        Object result = method.invoke(real, args);
                        if (result instanceof ConsumerRecords<?, ?> records) {
                            armed.delivered((ConsumerRecords<String, byte[]>) records);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** What to throw, and what was delivered: event ids ({@code ce_id}) and how often poll returned each. */
    public static final class Faults {

        private final AtomicReference<Supplier<? extends Throwable>> polls = new AtomicReference<>();
        private final AtomicReference<Supplier<? extends RuntimeException>> nextCommit = new AtomicReference<>();
        private final AtomicInteger thrown = new AtomicInteger();
        private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        private final Map<String, String> keyed = new ConcurrentHashMap<>();

        /** Every poll throws until {@link #heal()}. */
        public void failPolls(Supplier<? extends Throwable> error) {
            polls.set(error);
        }

        /** The next commit that has offsets to commit throws, once. */
        public void failNextCommit(Supplier<? extends RuntimeException> error) {
            nextCommit.set(error);
        }

        public void heal() {
            polls.set(null);
            nextCommit.set(null);
        }

        /** Faults thrown so far. */
        public int thrown() {
            return thrown.get();
        }

        /** How many times a poll returned the event. */
        public int deliveries(String eventId) {
            AtomicInteger n = deliveries.get(eventId);
            return n == null ? 0 : n.get();
        }

        /** Event ids delivered for records whose key starts with the prefix. */
        public Map<String, Integer> deliveriesOf(String keyPrefix) {
            return keyed.entrySet().stream().filter(e -> e.getValue().startsWith(keyPrefix))
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> deliveries(e.getKey())));
        }

        private void beforePoll() throws Throwable {
            Supplier<? extends Throwable> error = polls.get();
            if (error != null) {
                thrown.incrementAndGet();
                throw error.get();
            }
        }

        private void beforeCommit() {
            Supplier<? extends RuntimeException> error = nextCommit.getAndSet(null);
            if (error != null) {
                thrown.incrementAndGet();
                throw error.get();
            }
        }

        private void delivered(ConsumerRecords<String, byte[]> records) {
            for (ConsumerRecord<String, byte[]> record : records) {
                Header id = record.headers().lastHeader("ce_id");
                if (id != null) {
                    String eventId = new String(id.value(), StandardCharsets.UTF_8);
                    deliveries.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
                    if (record.key() != null) {
                        keyed.put(eventId, record.key());
                    }
                }
            }
        }
    }
}
