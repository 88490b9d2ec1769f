-- A case intake's writes: the case row, its reference, an audit row, an outbox row; one transaction.
BEGIN;
INSERT INTO shape_case (id, reference, cell_code, channel, age_band, status, arrived_at, opened_at, opened_by, exam_due_at)
    VALUES (gen_random_uuid(), 'B' || :client_id || '-' || substr(md5(random()::text), 1, 24), 'KHI', 'WALK_IN', 'ADULT_25_59', 'INTAKE',
            now(), now(), 'c0ffee00-0000-4000-8000-000000000001', now() + interval '72 hours');
INSERT INTO shape_reference (reference, cell_code, year) VALUES ('R' || :client_id || '-' || substr(md5(random()::text), 1, 24), 'KHI', 2026);
INSERT INTO shape_audit (chain, position, occurred_at, actor, actor_roles, actor_cell, action, resource_type, resource_id,
        resource_cell, purpose, request_id, outcome, prev_hash, hash)
    VALUES (1, 1, now(), 'c0ffee00-0000-4000-8000-000000000001', 'case-worker', 'KHI', 'CREATE', 'case',
            gen_random_uuid()::text, 'KHI', 'CASE_WORK', md5(random()::text), 'SUCCESS', md5(random()::text) || md5(random()::text),
            md5(random()::text) || md5(random()::text));
INSERT INTO shape_outbox (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at, request_id)
    VALUES (gen_random_uuid(), 'case', gen_random_uuid()::text, 'arcc.case.opened.v2', 'arcc.cases.v1',
            repeat('x', 400), now(), md5(random()::text));
END;
