-- An audited read at its smallest: one select of a case by key, one audit row; one transaction.
\set n random(1, 1000)
BEGIN;
SELECT * FROM shape_read_case WHERE n = :n;
INSERT INTO shape_audit (chain, position, occurred_at, actor, actor_roles, actor_cell, action, resource_type, resource_id,
        resource_cell, purpose, request_id, outcome, prev_hash, hash)
    VALUES (1, 1, now(), 'c0ffee00-0000-4000-8000-000000000001', 'case-worker', 'KHI', 'READ', 'case',
            :n::text, 'KHI', 'CASE_WORK', md5(random()::text), 'SUCCESS', md5(random()::text) || md5(random()::text),
            md5(random()::text) || md5(random()::text));
END;
