-- Per-record data keys for field encryption, each wrapped (AES-256-GCM) by a key-encryption key named by
-- kek_id. Shredding a record's identity deletes its wrapped key: the ciphertext stays, unreadable forever.
CREATE TABLE data_key (
    id           UUID         PRIMARY KEY,
    kek_id       VARCHAR(40)  NOT NULL,
    wrapped      BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL,
    shredded_at  TIMESTAMPTZ,
    CHECK ((wrapped IS NULL) = (shredded_at IS NOT NULL))
);
