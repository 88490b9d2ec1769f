-- The tables of platform-bench's pgbench shapes, in a scratch database of the platform's own PostgreSQL
-- (platform_bench): the columns and keys of the cases and evidence tables they stand for, without the services.
SET client_min_messages = warning;
DROP TABLE IF EXISTS shape_case, shape_reference, shape_audit, shape_outbox, shape_read_case, shape_item,
    shape_custody_head, shape_custody_entry, shape_merkle_node;
CREATE TABLE shape_case (
    id UUID PRIMARY KEY, reference VARCHAR(32) NOT NULL UNIQUE, cell_code VARCHAR(12) NOT NULL,
    channel VARCHAR(20) NOT NULL, age_band VARCHAR(20) NOT NULL, status VARCHAR(20) NOT NULL,
    arrived_at TIMESTAMPTZ NOT NULL, opened_at TIMESTAMPTZ NOT NULL, opened_by VARCHAR(64) NOT NULL,
    exam_due_at TIMESTAMPTZ, version BIGINT NOT NULL DEFAULT 0);
CREATE INDEX shape_case_cell ON shape_case (cell_code, opened_at);
CREATE TABLE shape_reference (reference VARCHAR(32) PRIMARY KEY, cell_code VARCHAR(12) NOT NULL, year INT NOT NULL);
CREATE TABLE shape_audit (
    seq BIGSERIAL PRIMARY KEY, chain INT NOT NULL, position BIGINT NOT NULL, occurred_at TIMESTAMPTZ NOT NULL,
    actor VARCHAR(64) NOT NULL, actor_roles VARCHAR(200), actor_cell VARCHAR(12), action VARCHAR(20) NOT NULL,
    resource_type VARCHAR(40) NOT NULL, resource_id VARCHAR(64) NOT NULL, resource_cell VARCHAR(12),
    purpose VARCHAR(40), reason TEXT, request_id VARCHAR(64), outcome VARCHAR(20) NOT NULL,
    prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL);
CREATE INDEX shape_audit_resource ON shape_audit (resource_id);
CREATE TABLE shape_outbox (
    id UUID PRIMARY KEY, aggregate_type VARCHAR(40) NOT NULL, aggregate_id VARCHAR(64) NOT NULL,
    event_type VARCHAR(100) NOT NULL, topic VARCHAR(100) NOT NULL, payload TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL, published_at TIMESTAMPTZ, request_id VARCHAR(64), traceparent VARCHAR(64));
CREATE INDEX shape_outbox_unpublished ON shape_outbox (occurred_at) WHERE published_at IS NULL;
CREATE TABLE shape_read_case (n INT PRIMARY KEY, LIKE shape_case);
INSERT INTO shape_read_case SELECT n, gen_random_uuid(), 'KHI-2026-' || n, 'KHI', 'WALK_IN', 'ADULT_25_59', 'INTAKE',
    now(), now(), 'bench', now() + interval '72 hours', 0 FROM generate_series(1, 1000) n;
CREATE TABLE shape_item (n INT PRIMARY KEY, holder VARCHAR(80) NOT NULL, state VARCHAR(20) NOT NULL, version BIGINT NOT NULL);
INSERT INTO shape_item SELECT n, 'cell:KHI', 'STORED', 0 FROM generate_series(1, 100) n;
CREATE TABLE shape_custody_head (id INT PRIMARY KEY, tree_size BIGINT NOT NULL);
INSERT INTO shape_custody_head VALUES (1, 0);
CREATE TABLE shape_custody_entry (
    leaf_index BIGINT PRIMARY KEY, item_id INT NOT NULL, sequence BIGINT NOT NULL, action VARCHAR(30) NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL, entry TEXT NOT NULL, leaf_hash CHAR(64) NOT NULL);
CREATE TABLE shape_merkle_node (level INT NOT NULL, idx BIGINT NOT NULL, hash CHAR(64) NOT NULL, PRIMARY KEY (level, idx));
VACUUM ANALYZE;
