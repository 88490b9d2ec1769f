-- Audit trail: append-only, hash-chained. Each row's hash covers its fields and the previous row's hash,
-- so an edited, reordered or deleted row breaks the chain (see AuditChainVerifier). The head row remembers
-- the last sequence and hash, so deleting the newest rows is detected too.
CREATE TABLE audit_record (
    seq            BIGINT       PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(100) NOT NULL,
    actor_roles    VARCHAR(200) NOT NULL,
    actor_cell     VARCHAR(12),
    action         VARCHAR(20)  NOT NULL,
    resource_type  VARCHAR(50)  NOT NULL,
    resource_id    VARCHAR(64)  NOT NULL,
    resource_cell  VARCHAR(12),
    purpose        VARCHAR(40)  NOT NULL,
    reason         VARCHAR(500),
    request_id     VARCHAR(64),
    outcome        VARCHAR(20)  NOT NULL,
    prev_hash      CHAR(64)     NOT NULL,
    hash           CHAR(64)     NOT NULL
);
CREATE INDEX audit_record_resource ON audit_record (resource_id, seq);

CREATE TABLE audit_chain_head (
    id         INT      PRIMARY KEY CHECK (id = 1),
    last_seq   BIGINT   NOT NULL,
    last_hash  CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64));

-- Append-only for the application: no UPDATE, no DELETE. (A database owner can disable this; the hash chain
-- is what shows it.)
CREATE FUNCTION audit_record_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();
