-- Medico-legal reports (issue 19): one row per version. What the officer wrote (content, overrides with their
-- reasons, the amendment reason) is sealed as one JSON document under the version's own data key; the clear
-- columns hold only codes, times, who and hashes.
CREATE TABLE medico_legal_report_version (
    id                 UUID PRIMARY KEY,
    case_id            UUID NOT NULL REFERENCES survivor_case (id),
    version            INT NOT NULL CHECK (version >= 1),
    status             VARCHAR(10) NOT NULL CHECK (status IN ('DRAFT', 'SIGNED')),
    data_key_id        UUID NOT NULL REFERENCES data_key (id),
    body_sealed        BYTEA NOT NULL,
    overridden_checks  VARCHAR(400) NOT NULL DEFAULT '',
    findings_at_signing VARCHAR(400) NOT NULL DEFAULT '',
    drafted_by         VARCHAR(100) NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    exam_started_at    TIMESTAMPTZ,
    signed_by          VARCHAR(100),
    signed_by_role     VARCHAR(40),
    signed_at          TIMESTAMPTZ,
    canonical_sha256   CHAR(64),
    pdf_sha256         CHAR(64),
    audit_seq          BIGINT,
    UNIQUE (case_id, version)
);
CREATE INDEX medico_legal_report_canonical ON medico_legal_report_version (canonical_sha256);
CREATE INDEX medico_legal_report_pdf ON medico_legal_report_version (pdf_sha256);

-- The evidence items the evidence service registered for each case, learned from arcc.evidence.v1: ids, kit
-- numbers, types and times only (no text), for the report's checks.
CREATE TABLE case_evidence_item (
    item_id       UUID PRIMARY KEY,
    case_id       UUID NOT NULL,
    kit_number    VARCHAR(40) NOT NULL,
    item_type     VARCHAR(40) NOT NULL,
    collected_at  TIMESTAMPTZ NOT NULL,
    sealed_at     TIMESTAMPTZ
);
CREATE INDEX case_evidence_item_case ON case_evidence_item (case_id);
