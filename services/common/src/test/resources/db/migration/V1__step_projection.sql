-- A projection used only by the event-backbone tests: one row per applied step of an aggregate.
CREATE TABLE step_projection (
    aggregate_id VARCHAR(64) NOT NULL,
    seq          INT         NOT NULL,
    event_id     UUID        NOT NULL,
    PRIMARY KEY (aggregate_id, seq)
);

-- Any step applied out of order lands here.
CREATE TABLE order_violation (
    aggregate_id VARCHAR(64) NOT NULL,
    seq          INT         NOT NULL,
    expected     INT         NOT NULL
);
