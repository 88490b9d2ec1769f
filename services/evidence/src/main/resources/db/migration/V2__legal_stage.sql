-- The coarse legal stage of a case, from arcc.legal.stage-changed.v1, for the survivor's status lookup: a stage
-- code and a month, nothing else (no names, no police or court references, no day).
CREATE TABLE legal_stage (
    case_id     UUID        PRIMARY KEY,
    stage       VARCHAR(30) NOT NULL,
    since_month CHAR(7)     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
