-- Idempotent consumers: an event id is claimed here in the same transaction that applies the event, so a
-- redelivered event is applied once per consumer.
CREATE TABLE inbox_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     UUID         NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
