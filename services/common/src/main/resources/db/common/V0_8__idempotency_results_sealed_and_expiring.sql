-- Idempotency-Key records (issue 12):
-- * A record is written in the same transaction as the use case it answers, only once that use case
--   succeeded, so there is no longer a "claimed but not finished" row that a crash could leave behind; a
--   retry during the first attempt waits on a transaction-scoped advisory lock that dies with the attempt.
-- * The replayed body may hold what is encrypted in its own table (notes, identity): it is now sealed under
--   a data key of its own (data_key), and blanked with its key shredded when the case's identity is erased.
-- * Records expire (arcc.idempotency.retention, default 24 h) and are purged with their data keys.
DELETE FROM idempotent_request WHERE status IS NULL;
ALTER TABLE idempotent_request DROP COLUMN body, DROP COLUMN completed_at;
ALTER TABLE idempotent_request ALTER COLUMN status SET NOT NULL;
ALTER TABLE idempotent_request ADD COLUMN body_sealed BYTEA, ADD COLUMN data_key_id UUID;
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);

-- Inbox rows are purged after arcc.retention.inbox (they only need to outlive redelivery).
CREATE INDEX inbox_event_received ON inbox_event (received_at);
