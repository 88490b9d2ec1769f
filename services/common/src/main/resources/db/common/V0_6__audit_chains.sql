-- The audit trail becomes 32 independent hash chains instead of one, so that appends about different
-- records no longer wait for each other on one head row (docs/benchmarks.md, "Case intake"). A record's rows
-- all go to the chain its resource id picks (AuditChain.chainOf), so each record's history stays one strictly
-- ordered piece of one chain.
--
-- position: the row's place in its chain (1, 2, ...), hashed as before; rows written before this migration
--           are chain 1, positions 1..n, so their hashes and links stay valid.
-- seq:      the row's number in the whole trail, unique and increasing (taken under the chain's lock, so in
--           chain order), no longer contiguous; it is what events and access histories show.
ALTER TABLE audit_record ADD COLUMN chain SMALLINT, ADD COLUMN position BIGINT;
ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only;
UPDATE audit_record SET chain = 1, position = seq;
ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only;
ALTER TABLE audit_record ALTER COLUMN chain SET NOT NULL, ALTER COLUMN position SET NOT NULL;
ALTER TABLE audit_record ADD CONSTRAINT audit_record_chain_position UNIQUE (chain, position);

CREATE SEQUENCE audit_record_seq OWNED BY audit_record.seq;
SELECT setval('audit_record_seq', coalesce(max(seq), 0) + 1, false) FROM audit_record;
ALTER TABLE audit_record ALTER COLUMN seq SET DEFAULT nextval('audit_record_seq');

-- One head per chain; the existing head (id 1) carries on as chain 1's.
ALTER TABLE audit_chain_head RENAME COLUMN last_seq TO last_position;
ALTER TABLE audit_chain_head DROP CONSTRAINT audit_chain_head_id_check;
ALTER TABLE audit_chain_head ADD CONSTRAINT audit_chain_head_id_check CHECK (id BETWEEN 1 AND 32);
INSERT INTO audit_chain_head (id, last_position, last_hash) SELECT g, 0, repeat('0', 64) FROM generate_series(2, 32) g;
