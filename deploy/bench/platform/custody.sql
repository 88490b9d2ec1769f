-- A custody append's shape: the item locked, the log head locked, the entry, its Merkle leaf node, the head
-- moved on, the item updated, an outbox row; one transaction. Every client appends to one item, as the
-- service bench does, and all queue on the one head row, as the service's appends do.
BEGIN;
SELECT holder, state, version FROM shape_item WHERE n = 1 FOR UPDATE;
SELECT tree_size FROM shape_custody_head WHERE id = 1 FOR UPDATE \gset
INSERT INTO shape_custody_entry (leaf_index, item_id, sequence, action, recorded_at, entry, leaf_hash)
    VALUES (:tree_size, 1, :tree_size + 1, 'STORED', now(), repeat('x', 300), md5(random()::text) || md5(random()::text));
INSERT INTO shape_merkle_node (level, idx, hash) VALUES (0, :tree_size, md5(random()::text) || md5(random()::text));
UPDATE shape_custody_head SET tree_size = :tree_size + 1 WHERE id = 1;
UPDATE shape_item SET version = version + 1 WHERE n = 1;
INSERT INTO shape_outbox (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at, request_id)
    VALUES (gen_random_uuid(), 'evidence-item', '1', 'arcc.evidence.custody-recorded.v1', 'arcc.evidence.v1',
            repeat('x', 300), now(), md5(random()::text));
END;
