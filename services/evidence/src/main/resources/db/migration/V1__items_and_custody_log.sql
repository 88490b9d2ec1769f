-- Organisations that hold evidence outside the cells: police surgeons' offices, forensic labs, police,
-- court property rooms. A custodian's token carries its id in the `custodian` claim.
CREATE TABLE custodian (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    city        VARCHAR(100) NOT NULL
);
INSERT INTO custodian (id, name, kind, city) VALUES
    ('police-surgeon-khi',  'Police Surgeon''s Office, Karachi',          'POLICE_SURGEON', 'Karachi'),
    ('police-surgeon-lhe',  'Police Surgeon''s Office, Lahore',           'POLICE_SURGEON', 'Lahore'),
    ('forensic-lab-demo',   'Forensic laboratory (demo)',                 'LAB',            'Karachi'),
    ('pfsa-lhe',            'Punjab Forensic Science Agency, Lahore',     'LAB',            'Lahore'),
    ('police-khi-ps',       'Police station property room, Karachi',      'POLICE',         'Karachi'),
    ('court-khi-property',  'Court property room, Karachi',               'COURT',          'Karachi');

-- What the evidence service knows of a case, from the cases service's events: its cell and the consents
-- that decide whether evidence may be collected and tested. Never who the survivor is.
CREATE TABLE case_projection (
    case_id               UUID        PRIMARY KEY,
    cell_code             VARCHAR(12) NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE TABLE case_consent (
    consent_id   UUID        PRIMARY KEY,
    case_id      UUID        NOT NULL,
    purpose      VARCHAR(40) NOT NULL,
    active       BOOLEAN     NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX case_consent_case ON case_consent (case_id, purpose) WHERE active;

CREATE TABLE evidence_item (
    id                  UUID         PRIMARY KEY,
    kit_number          VARCHAR(40)  NOT NULL UNIQUE,
    case_id             UUID         NOT NULL,
    cell_code           VARCHAR(12)  NOT NULL,
    item_type           VARCHAR(30)  NOT NULL,
    seal_number         VARCHAR(40),
    collected_by        VARCHAR(64)  NOT NULL,
    collected_at        TIMESTAMPTZ  NOT NULL,
    restricted          BOOLEAN      NOT NULL,
    holder              VARCHAR(80)  NOT NULL,
    stage               VARCHAR(20)  NOT NULL,
    lab_received_at     TIMESTAMPTZ,
    anomalies           INT          NOT NULL DEFAULT 0,
    survivor_code_hash  CHAR(64)     UNIQUE,
    dispose_from        TIMESTAMPTZ,
    disposed_at         TIMESTAMPTZ,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX evidence_item_case ON evidence_item (case_id);
CREATE INDEX evidence_item_holder ON evidence_item (holder);

CREATE SEQUENCE kit_number_seq;

-- A transfer waits for its receipt: only the addressee may receive it, and only once.
CREATE TABLE custody_transfer (
    id             UUID        PRIMARY KEY,
    item_id        UUID        NOT NULL REFERENCES evidence_item (id),
    from_holder    VARCHAR(80) NOT NULL,
    to_holder      VARCHAR(80) NOT NULL,
    seal_number    VARCHAR(40),
    sent_sequence  BIGINT      NOT NULL,
    received       BOOLEAN     NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX custody_transfer_one_open ON custody_transfer (item_id) WHERE NOT received;

-- The custody log: one row per entry, in one global order (the Merkle leaf index). `entry` is the
-- canonical JSON that was hashed (docs/custody.md); the other columns are copies for queries.
CREATE TABLE custody_entry (
    leaf_index     BIGINT       PRIMARY KEY,
    item_id        UUID         NOT NULL REFERENCES evidence_item (id),
    sequence       BIGINT       NOT NULL,
    action         VARCHAR(30)  NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    entry          TEXT         NOT NULL,
    leaf_hash      CHAR(64)     NOT NULL,
    UNIQUE (item_id, sequence)
);

-- Perfect subtrees of the Merkle tree (level 0 = leaves), so that any proof needs O(log n) lookups.
CREATE TABLE merkle_node (
    level   INT     NOT NULL,
    idx     BIGINT  NOT NULL,
    hash    CHAR(64) NOT NULL,
    PRIMARY KEY (level, idx)
);

-- One row: the size of the log. Appends lock it, so leaf indexes are dense and ordered.
CREATE TABLE custody_log_head (
    id         INT     PRIMARY KEY CHECK (id = 1),
    tree_size  BIGINT  NOT NULL
);
INSERT INTO custody_log_head (id, tree_size) VALUES (1, 0);

CREATE TABLE signed_checkpoint (
    tree_size   BIGINT       PRIMARY KEY,
    root_hash   CHAR(64)     NOT NULL,
    issued_at   TIMESTAMPTZ  NOT NULL,
    key_id      CHAR(16)     NOT NULL,
    signature   VARCHAR(200) NOT NULL
);

CREATE TABLE evidence_deadline_breach (
    item_id      UUID        NOT NULL REFERENCES evidence_item (id),
    deadline     VARCHAR(40) NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    detected_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (item_id, deadline)
);

-- The log, its tree and its checkpoints are append-only for the application. (A database owner can turn
-- this off; the hash chain, the Merkle tree and the signed checkpoints are what show it. See custody.md.)
CREATE FUNCTION custody_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER custody_entry_append_only BEFORE UPDATE OR DELETE ON custody_entry
    FOR EACH ROW EXECUTE FUNCTION custody_is_append_only();
CREATE TRIGGER merkle_node_append_only BEFORE UPDATE OR DELETE ON merkle_node
    FOR EACH ROW EXECUTE FUNCTION custody_is_append_only();
CREATE TRIGGER signed_checkpoint_append_only BEFORE UPDATE OR DELETE ON signed_checkpoint
    FOR EACH ROW EXECUTE FUNCTION custody_is_append_only();
