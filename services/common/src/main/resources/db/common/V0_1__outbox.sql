-- Transactional outbox: a use case writes its events here in the same transaction as its state change;
-- the relay publishes them to Kafka in position order and deletes what it published.
CREATE TABLE outbox_event (
    position        BIGSERIAL    PRIMARY KEY,
    id              UUID         NOT NULL UNIQUE,
    aggregate_type  VARCHAR(64)  NOT NULL,
    aggregate_id    VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(128) NOT NULL,
    topic           VARCHAR(128) NOT NULL,
    payload         JSONB        NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    request_id      VARCHAR(64),
    traceparent     VARCHAR(55)
);
