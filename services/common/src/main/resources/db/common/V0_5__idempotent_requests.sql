-- Idempotency-Key: the first result of a POST, replayed to retries of the same key by the same caller.
CREATE TABLE idempotent_request (
    caller        VARCHAR(100) NOT NULL,
    idem_key      VARCHAR(100) NOT NULL,
    target        VARCHAR(300) NOT NULL,
    status        INT,
    location      VARCHAR(500),
    etag          VARCHAR(100),
    body          TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    completed_at  TIMESTAMPTZ,
    PRIMARY KEY (caller, idem_key)
);
