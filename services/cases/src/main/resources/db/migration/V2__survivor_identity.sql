-- A survivor's identity: every field encrypted under the record's own data key (data_key), CNICs also kept
-- as keyed blind indexes for exact-match search. Erasure destroys the data key and blanks the row.
CREATE TABLE survivor_identity (
    case_id                UUID         PRIMARY KEY REFERENCES survivor_case (id),
    data_key_id            UUID         NOT NULL REFERENCES data_key (id),
    name                   BYTEA,
    cnic                   BYTEA,
    cnic_index             CHAR(64),
    phone                  BYTEA,
    address                BYTEA,
    guardian_name          BYTEA,
    guardian_relationship  BYTEA,
    guardian_cnic          BYTEA,
    guardian_cnic_index    CHAR(64),
    guardian_phone         BYTEA,
    updated_at             TIMESTAMPTZ  NOT NULL,
    erased_at              TIMESTAMPTZ,
    version                BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX survivor_identity_cnic ON survivor_identity (cnic_index);
CREATE INDEX survivor_identity_guardian_cnic ON survivor_identity (guardian_cnic_index);
