-- Every reopening of a closed case: when, by whom, and why. The reason is free text that can name people,
-- so it is encrypted under its own data key, like service notes; events carry only the status change.
CREATE TABLE case_reopening (
    id                UUID         PRIMARY KEY,
    case_id           UUID         NOT NULL REFERENCES survivor_case (id),
    reopened_at       TIMESTAMPTZ  NOT NULL,
    reopened_by       VARCHAR(100) NOT NULL,
    reopened_by_role  VARCHAR(40)  NOT NULL,
    data_key_id       UUID         NOT NULL REFERENCES data_key (id),
    reason            BYTEA        NOT NULL
);
CREATE INDEX case_reopening_case ON case_reopening (case_id, reopened_at);
