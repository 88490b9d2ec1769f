-- Consent per purpose; a withdrawal is recorded on the row, never by deleting it.
CREATE TABLE consent (
    id            UUID         PRIMARY KEY,
    case_id       UUID         NOT NULL REFERENCES survivor_case (id),
    purpose       VARCHAR(30)  NOT NULL,
    recipient     VARCHAR(64),
    given_by      VARCHAR(10)  NOT NULL,
    child_assent  BOOLEAN,
    given_at      TIMESTAMPTZ  NOT NULL,
    recorded_by   VARCHAR(100) NOT NULL,
    withdrawn_at  TIMESTAMPTZ,
    withdrawn_by  VARCHAR(100)
);
CREATE INDEX consent_case ON consent (case_id);

-- Services given under one roof. Notes can hold anything, so they are encrypted under their own data key.
CREATE TABLE service_delivery (
    id                 UUID         PRIMARY KEY,
    case_id            UUID         NOT NULL REFERENCES survivor_case (id),
    service            VARCHAR(40)  NOT NULL,
    delivered_at       TIMESTAMPTZ  NOT NULL,
    delivered_by       VARCHAR(100) NOT NULL,
    delivered_by_role  VARCHAR(40)  NOT NULL,
    data_key_id        UUID         REFERENCES data_key (id),
    notes              BYTEA,
    recorded_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX service_delivery_case ON service_delivery (case_id, delivered_at);

-- The medico-legal exam deadline, and the workflow's closure.
ALTER TABLE survivor_case ADD COLUMN exam_due_at TIMESTAMPTZ;
ALTER TABLE survivor_case ADD COLUMN exam_done_at TIMESTAMPTZ;
ALTER TABLE survivor_case ADD COLUMN exam_breach_recorded_at TIMESTAMPTZ;
ALTER TABLE survivor_case ADD COLUMN closed_at TIMESTAMPTZ;
UPDATE survivor_case SET exam_due_at = arrived_at + INTERVAL '6 hours';
ALTER TABLE survivor_case ALTER COLUMN exam_due_at SET NOT NULL;
CREATE INDEX survivor_case_exam_pending ON survivor_case (exam_due_at)
    WHERE exam_done_at IS NULL AND exam_breach_recorded_at IS NULL;
