-- Reference data: districts of the cells, police stations and Special Sexual Offences Investigation Units per
-- district, and the legal-aid panel. More are added by an administrator, never by a code change.
CREATE TABLE cell_district (
    cell_code  VARCHAR(12)  PRIMARY KEY,
    district   VARCHAR(60)  NOT NULL
);
INSERT INTO cell_district (cell_code, district) VALUES
    ('ISB', 'Islamabad'), ('KHI', 'Karachi'), ('LHE-1', 'Lahore'), ('LHE-2', 'Lahore'), ('MUX', 'Multan'),
    ('RWP', 'Rawalpindi');

CREATE TABLE police_station (
    id        VARCHAR(40)  PRIMARY KEY,
    name      VARCHAR(200) NOT NULL,
    district  VARCHAR(60)  NOT NULL
);
INSERT INTO police_station (id, name, district) VALUES
    ('ps-isb-women',        'Women Police Station, Islamabad',              'Islamabad'),
    ('ps-isb-kohsar',       'Police Station Kohsar, Islamabad',             'Islamabad'),
    ('ps-khi-women-saddar', 'Women Police Station Saddar, Karachi',         'Karachi'),
    ('ps-khi-gulshan',      'Police Station Gulshan-e-Iqbal, Karachi',      'Karachi'),
    ('ps-lhe-women',        'Women Police Station, Lahore',                 'Lahore'),
    ('ps-lhe-race-course',  'Police Station Race Course, Lahore',           'Lahore'),
    ('ps-mux-women',        'Women Police Station, Multan',                 'Multan'),
    ('ps-mux-cantt',        'Police Station Cantt, Multan',                 'Multan'),
    ('ps-rwp-women',        'Women Police Station, Rawalpindi',             'Rawalpindi'),
    ('ps-rwp-civil-lines',  'Police Station Civil Lines, Rawalpindi',       'Rawalpindi');

CREATE TABLE investigation_unit (
    id        VARCHAR(40)  PRIMARY KEY,
    name      VARCHAR(200) NOT NULL,
    district  VARCHAR(60)  NOT NULL
);
INSERT INTO investigation_unit (id, name, district) VALUES
    ('ssoiu-isb', 'Special Sexual Offences Investigation Unit, Islamabad',  'Islamabad'),
    ('ssoiu-khi', 'Special Sexual Offences Investigation Unit, Karachi',    'Karachi'),
    ('ssoiu-lhe', 'Special Sexual Offences Investigation Unit, Lahore',     'Lahore'),
    ('ssoiu-mux', 'Special Sexual Offences Investigation Unit, Multan',     'Multan'),
    ('ssoiu-rwp', 'Special Sexual Offences Investigation Unit, Rawalpindi', 'Rawalpindi');

-- Legal-aid panel lawyers (professionals, not survivors), identified by their bar enrolment.
CREATE TABLE panel_lawyer (
    id          VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    enrolment   VARCHAR(40)  NOT NULL UNIQUE,
    district    VARCHAR(60)  NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT true
);
INSERT INTO panel_lawyer (id, name, enrolment, district) VALUES
    ('lawyer-isb-1', 'Advocate Sadia Rehman',   'ISB-HC-10231', 'Islamabad'),
    ('lawyer-isb-2', 'Advocate Imran Qureshi',  'ISB-HC-10877', 'Islamabad'),
    ('lawyer-khi-1', 'Advocate Farah Siddiqui', 'SHC-KHI-22019', 'Karachi'),
    ('lawyer-khi-2', 'Advocate Kamran Baig',    'SHC-KHI-23544', 'Karachi'),
    ('lawyer-lhe-1', 'Advocate Nadia Malik',    'LHC-LHE-31002', 'Lahore'),
    ('lawyer-lhe-2', 'Advocate Usman Chaudhry', 'LHC-LHE-31577', 'Lahore'),
    ('lawyer-mux-1', 'Advocate Rabia Khan',     'LHC-MUX-40120', 'Multan'),
    ('lawyer-mux-2', 'Advocate Tariq Bhatti',   'LHC-MUX-40456', 'Multan'),
    ('lawyer-rwp-1', 'Advocate Hina Abbasi',    'LHC-RWP-50311', 'Rawalpindi'),
    ('lawyer-rwp-2', 'Advocate Bilal Raja',     'LHC-RWP-50782', 'Rawalpindi');

-- What the legal-aid service knows of a case's consents (from the cases service's events). An FIR needs an
-- active POLICE_REPORT consent.
CREATE TABLE case_consent (
    consent_id   UUID        PRIMARY KEY,
    case_id      UUID        NOT NULL,
    purpose      VARCHAR(40) NOT NULL,
    active       BOOLEAN     NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_consent_case ON case_consent (case_id, purpose) WHERE active;

-- One legal file per case, opened from arcc.case.opened.*, addressed by the case id. No identity: only the
-- initials a court filing uses, encrypted under the file's own data key.
CREATE TABLE legal_file (
    case_id          UUID         PRIMARY KEY,
    case_reference   VARCHAR(40)  NOT NULL,
    cell_code        VARCHAR(12)  NOT NULL,
    case_sections    VARCHAR(400) NOT NULL DEFAULT '',
    arrived_at       TIMESTAMPTZ  NOT NULL,
    opened_at        TIMESTAMPTZ  NOT NULL,
    closed_at        TIMESTAMPTZ,
    data_key_id      UUID,
    initials         BYTEA,
    version          BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX legal_file_cell ON legal_file (cell_code);

-- Every attempt to have an FIR registered: registered, or refused by the police (reason code, who refused).
CREATE TABLE fir (
    id                UUID         PRIMARY KEY,
    case_id           UUID         NOT NULL REFERENCES legal_file (case_id),
    outcome           VARCHAR(12)  NOT NULL,
    police_station    VARCHAR(40)  NOT NULL REFERENCES police_station (id),
    fir_number        VARCHAR(40),
    at                TIMESTAMPTZ  NOT NULL,
    sections          VARCHAR(400) NOT NULL DEFAULT '',
    officer           VARCHAR(120),
    refusal_reason    VARCHAR(40),
    refused_by        VARCHAR(120),
    recorded_by       VARCHAR(64)  NOT NULL,
    recorded_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX fir_case ON fir (case_id);
CREATE UNIQUE INDEX fir_one_registered ON fir (case_id) WHERE outcome = 'REGISTERED';

CREATE TABLE investigation (
    case_id                 UUID         PRIMARY KEY REFERENCES legal_file (case_id),
    unit                    VARCHAR(40)  NOT NULL REFERENCES investigation_unit (id),
    investigating_officer   VARCHAR(120) NOT NULL,
    female_officer_present  BOOLEAN,
    s161_recorded_on        DATE,
    s164_recorded_on        DATE,
    dna_report_received_on  DATE,
    dna_item_ids            VARCHAR(800) NOT NULL DEFAULT '',
    challan_submitted_on    DATE,
    transfer_requested_on   DATE,
    transfer_reason         VARCHAR(40),
    started_at              TIMESTAMPTZ  NOT NULL
);

-- Lawyers of the file: the survivor's legal-aid lawyer (assigned, accepted, declined, replaced), the special
-- prosecutor, and the accused's counsel (recorded so the same lawyer is never assigned to the survivor).
CREATE TABLE representation (
    id             UUID         PRIMARY KEY,
    case_id        UUID         NOT NULL REFERENCES legal_file (case_id),
    role           VARCHAR(30)  NOT NULL,
    lawyer         VARCHAR(120) NOT NULL,
    enrolment      VARCHAR(40)  NOT NULL,
    status         VARCHAR(12)  NOT NULL,
    assigned_on    DATE         NOT NULL,
    responded_on   DATE,
    ended_on       DATE
);
CREATE INDEX representation_case ON representation (case_id);

CREATE TABLE trial (
    case_id                   UUID         PRIMARY KEY REFERENCES legal_file (case_id),
    court                     VARCHAR(200) NOT NULL,
    court_case_number         VARCHAR(60)  NOT NULL,
    judge                     VARCHAR(120),
    in_camera                 BOOLEAN      NOT NULL,
    reached_court_on          DATE         NOT NULL,
    scheduling_certificate_on DATE
);

CREATE TABLE hearing (
    id                  UUID         PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES legal_file (case_id),
    hearing_on          DATE         NOT NULL,
    purpose             VARCHAR(30)  NOT NULL,
    outcome             VARCHAR(12),
    adjournment_reason  VARCHAR(40),
    sought_by           VARCHAR(20),
    recorded_at         TIMESTAMPTZ
);
CREATE INDEX hearing_case ON hearing (case_id, hearing_on);

CREATE TABLE verdict (
    case_id      UUID         PRIMARY KEY REFERENCES legal_file (case_id),
    outcome      VARCHAR(12)  NOT NULL,
    sections     VARCHAR(400) NOT NULL DEFAULT '',
    sentence     VARCHAR(200),
    decided_on   DATE         NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE appeal (
    id           UUID         PRIMARY KEY,
    case_id      UUID         NOT NULL REFERENCES legal_file (case_id),
    filed_by     VARCHAR(20)  NOT NULL,
    court        VARCHAR(200) NOT NULL,
    filed_on     DATE         NOT NULL,
    decided_on   DATE,
    outcome      VARCHAR(20)
);
CREATE INDEX appeal_case ON appeal (case_id);

-- Each deadline rule's due date on a file, when it was met, and its breach (published once: breached_at is set
-- in the transaction that writes the event to the outbox).
CREATE TABLE deadline (
    case_id      UUID         NOT NULL REFERENCES legal_file (case_id),
    rule         VARCHAR(30)  NOT NULL,
    cell_code    VARCHAR(12)  NOT NULL,
    due_at       TIMESTAMPTZ  NOT NULL,
    met_at       TIMESTAMPTZ,
    breached_at  TIMESTAMPTZ,
    PRIMARY KEY (case_id, rule)
);
CREATE INDEX deadline_open ON deadline (cell_code, due_at) WHERE met_at IS NULL;
