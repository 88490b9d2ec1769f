package org.arcc.common.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One event as a consumer receives it: the CloudEvents attributes from the record headers, where it was
 * read from, and the JSON payload.
 */
public final class ReceivedEvent {

    private final UUID id;
    private final String type;
    private final String source;
    private final String subject;
    private final Instant time;
    private final String requestId;
    private final String traceparent;
    private final String topic;
    private final int partition;
    private final long offset;
    private final String payload;
    private final ObjectMapper mapper;

    private ReceivedEvent(UUID id, String type, String source, String subject, Instant time, String requestId,
            String traceparent, String topic, int partition, long offset, String payload, ObjectMapper mapper) {
        this.id = id;
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.time = time;
        this.requestId = requestId;
        this.traceparent = traceparent;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.payload = payload;
        this.mapper = mapper;
    }

    /**
     * Reads the envelope of a record.
     *
     * @throws MalformedEventException when a required CloudEvents header is missing or unreadable
     */
    static ReceivedEvent of(ConsumerRecord<String, byte[]> record, ObjectMapper mapper) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null || record.value() == null) {
            throw new MalformedEventException("record is not a CloudEvent: ce_id, ce_type or value missing");
        }
        UUID eventId;
        Instant time;
        try {
            eventId = UUID.fromString(id);
            String ceTime = header(record, "ce_time");
            time = ceTime == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(ceTime);
        } catch (RuntimeException e) {
            throw new MalformedEventException("ce_id is not a UUID or ce_time is not an RFC 3339 time");
        }
        return new ReceivedEvent(eventId, type, header(record, "ce_source"), header(record, "ce_subject"), time,
                header(record, "ce_requestid"), traceparent(record), record.topic(), record.partition(), record.offset(),
                new String(record.value(), StandardCharsets.UTF_8), mapper);
    }

    /** The CloudEvents distributed-tracing attribute; a plain W3C {@code traceparent} header from other producers. */
    private static String traceparent(ConsumerRecord<?, ?> record) {
        String traceparent = header(record, "ce_traceparent");
        return traceparent != null ? traceparent : header(record, "traceparent");
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The payload read into its contract record. */
    public <T> T payload(Class<T> type) {
        try {
            return mapper.readValue(payload, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Payload of " + this.type + " " + id + " does not fit " + type.getSimpleName(), e);
        }
    }

    public String payloadJson() {
        return payload;
    }

    public UUID id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    /** The aggregate id ({@code ce_subject}). */
    public String subject() {
        return subject;
    }

    public Instant time() {
        return time;
    }

    public String requestId() {
        return requestId;
    }

    /** W3C trace context of what caused the event ({@code ce_traceparent}), or null. */
    public String traceparent() {
        return traceparent;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    @Override
    public String toString() {
        return type + " " + id + " (" + topic + "-" + partition + "@" + offset + ")";
    }
}
