-- Reporting's projections of the platform's topics: ids, codes and times only, never who a survivor is nor any
-- text staff typed. Figures are computed from these rows at query time (docs/reporting.md), so a consent
-- withdrawn now leaves every figure computed afterwards. Each table is emptied by a rebuild and filled again by
-- replaying the topics from the beginning; a fact may arrive before the case it belongs to (topics are ordered per
-- key, not across topics), so nothing here references report_case.

-- A case as reporting counts it: where and when the survivor arrived (a transfer never moves it), the intake
-- codes, and when the first medico-legal exam was given.
CREATE TABLE report_case (
    case_id        UUID         PRIMARY KEY,
    cell_code      VARCHAR(12)  NOT NULL,
    arrived_at     TIMESTAMPTZ  NOT NULL,
    channel        VARCHAR(20)  NOT NULL,
    age_band       VARCHAR(20)  NOT NULL,
    sex_gender     VARCHAR(20)  NOT NULL DEFAULT 'NOT_STATED',
    incident_type  VARCHAR(30),
    legal_sections VARCHAR(400) NOT NULL DEFAULT '',
    disabilities   VARCHAR(200) NOT NULL DEFAULT '',
    current_cell   VARCHAR(12)  NOT NULL,
    closed_at      TIMESTAMPTZ
);

-- Services delivered to a case (one row per delivery, by service code).
CREATE TABLE report_service (
    delivery_id    UUID         PRIMARY KEY,
    case_id        UUID         NOT NULL,
    service        VARCHAR(40)  NOT NULL,
    delivered_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX report_service_case ON report_service (case_id);

-- Consents of a case, by purpose; only STATISTICS decides whether the case is counted.
CREATE TABLE report_consent (
    consent_id     UUID         PRIMARY KEY,
    case_id        UUID         NOT NULL,
    purpose        VARCHAR(40)  NOT NULL,
    active         BOOLEAN      NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX report_consent_case ON report_consent (case_id, purpose) WHERE active;

-- Evidence items: collection, restriction (no consent to testing), first lab submission and first analysis.
CREATE TABLE report_evidence_item (
    item_id        UUID         PRIMARY KEY,
    case_id        UUID         NOT NULL,
    item_type      VARCHAR(30)  NOT NULL,
    restricted     BOOLEAN      NOT NULL,
    collected_at   TIMESTAMPTZ  NOT NULL,
    to_lab_at      TIMESTAMPTZ,
    analysed_at    TIMESTAMPTZ
);
CREATE INDEX report_evidence_item_case ON report_evidence_item (case_id);

-- Custody steps that arrived before their item was registered (kept until it is).
CREATE TABLE report_custody_step (
    event_id       UUID         PRIMARY KEY,
    item_id        UUID         NOT NULL,
    action         VARCHAR(30)  NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX report_custody_step_item ON report_custody_step (item_id);

-- Custody anomalies (kind code) and deadline breaches of every service (by rule), each once.
CREATE TABLE report_anomaly (
    event_id       UUID         PRIMARY KEY,
    case_id        UUID,
    cell_code      VARCHAR(12),
    kind           VARCHAR(30)  NOT NULL,
    detected_at    TIMESTAMPTZ  NOT NULL
);
CREATE TABLE report_breach (
    event_id       UUID         PRIMARY KEY,
    case_id        UUID         NOT NULL,
    origin         VARCHAR(12)  NOT NULL,
    rule           VARCHAR(40)  NOT NULL,
    due_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX report_breach_case ON report_breach (case_id);

-- The justice pathway of a case: FIR registered or refused (first of each), trial seen in court, verdict.
CREATE TABLE report_justice (
    case_id              UUID         PRIMARY KEY,
    fir_registered_at    TIMESTAMPTZ,
    fir_minutes          BIGINT,
    fir_refused_at       TIMESTAMPTZ,
    first_hearing_on     DATE,
    hearings             INT          NOT NULL DEFAULT 0,
    verdict_outcome      VARCHAR(12),
    verdict_on           DATE,
    reached_court_on     DATE,
    trial_days           BIGINT
);

-- Notices to the sex offenders register: they carry no case nor cell, only the conviction's day.
CREATE TABLE report_register_notice (
    notice_id      UUID         PRIMARY KEY,
    convicted_on   DATE         NOT NULL
);

-- Referrals from partner NGOs (received, then accepted or declined) and onward referrals to partners.
CREATE TABLE report_referral (
    referral_id    UUID         PRIMARY KEY,
    cell_code      VARCHAR(12)  NOT NULL,
    received_at    TIMESTAMPTZ,
    outcome        VARCHAR(12),
    case_id        UUID
);
CREATE TABLE report_onward_referral (
    onward_referral_id UUID         PRIMARY KEY,
    case_id            UUID         NOT NULL,
    made_at            TIMESTAMPTZ,
    outcome            VARCHAR(12)
);
CREATE INDEX report_onward_referral_case ON report_onward_referral (case_id);

-- Rebuilds asked for by an administrator: one row each, its state and how many events it replayed.
CREATE TABLE report_rebuild (
    id             UUID         PRIMARY KEY,
    state          VARCHAR(12)  NOT NULL,
    requested_by   VARCHAR(64)  NOT NULL,
    started_at     TIMESTAMPTZ  NOT NULL,
    finished_at    TIMESTAMPTZ,
    events_replayed BIGINT      NOT NULL DEFAULT 0
);
