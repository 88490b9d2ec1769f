-- Cells are reference data: administrators add more through the API, never through a code change.
CREATE TABLE cell (
    code        VARCHAR(12)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    city        VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

INSERT INTO cell (code, name, city) VALUES
    ('ISB',   'ARCC Islamabad',    'Islamabad'),
    ('KHI',   'ARCC Karachi',      'Karachi'),
    ('LHE-1', 'ARCC Lahore 1',     'Lahore'),
    ('LHE-2', 'ARCC Lahore 2',     'Lahore'),
    ('MUX',   'ARCC Multan',       'Multan'),
    ('RWP',   'ARCC Rawalpindi',   'Rawalpindi');

-- A case holds no identity: only a pseudonymous reference, codes and times.
CREATE TABLE survivor_case (
    id          UUID         PRIMARY KEY,
    reference   VARCHAR(32)  NOT NULL UNIQUE,
    cell_code   VARCHAR(12)  NOT NULL REFERENCES cell (code),
    channel     VARCHAR(20)  NOT NULL,
    age_band    VARCHAR(20)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    arrived_at  TIMESTAMPTZ  NOT NULL,
    opened_at   TIMESTAMPTZ  NOT NULL,
    opened_by   VARCHAR(64)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX survivor_case_cell ON survivor_case (cell_code, opened_at);

-- Next reference number per cell and year: KHI-2026-00042.
CREATE TABLE case_reference_counter (
    cell_code   VARCHAR(12) NOT NULL REFERENCES cell (code),
    year        INT         NOT NULL,
    last_value  INT         NOT NULL,
    PRIMARY KEY (cell_code, year)
);
