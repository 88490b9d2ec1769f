-- Medico-legal reports signed and amended (issue 19): one row per signed version, its ids, times and the codes of
-- the checks a cell supervisor overrode on it. Never a finding, a reason or any text of the report. Version 1 is
-- the signature (with the examination's start, for the time from exam to signature); 2 and later are amendments.
CREATE TABLE report_medico_legal (
    report_version_id  UUID         PRIMARY KEY,
    case_id            UUID         NOT NULL,
    version            INT          NOT NULL,
    exam_started_at    TIMESTAMPTZ,
    signed_at          TIMESTAMPTZ  NOT NULL,
    overridden_checks  VARCHAR(400) NOT NULL DEFAULT ''
);
CREATE INDEX report_medico_legal_case ON report_medico_legal (case_id);
