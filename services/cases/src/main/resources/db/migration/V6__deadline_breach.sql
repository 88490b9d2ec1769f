-- Deadline breaches get their own table: recording one never writes to the case row, so the deadline
-- watcher cannot collide with a use case updating the same case, and the primary key makes sure each
-- breach is recorded (and published) once.
CREATE TABLE deadline_breach (
    case_id      UUID         NOT NULL REFERENCES survivor_case (id),
    deadline     VARCHAR(40)  NOT NULL,
    due_at       TIMESTAMPTZ  NOT NULL,
    detected_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_id, deadline)
);
INSERT INTO deadline_breach (case_id, deadline, due_at, detected_at)
    SELECT id, 'MEDICO_LEGAL_EXAM', exam_due_at, exam_breach_recorded_at
    FROM survivor_case WHERE exam_breach_recorded_at IS NOT NULL;
ALTER TABLE survivor_case DROP COLUMN exam_breach_recorded_at;
CREATE INDEX survivor_case_exam_pending ON survivor_case (exam_due_at) WHERE exam_done_at IS NULL;
