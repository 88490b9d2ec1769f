-- The projections' version: raised in the same transaction as every change to a projection (an event that changed
-- a row, a rebuild emptying them), read once per request to key the cache of protected figures, so every replica
-- sees a change on its next request (docs/reporting.md, "Cost of a request"). One row; a number, nothing else.
CREATE TABLE report_projection_version (
    singleton  BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    version    BIGINT  NOT NULL
);
INSERT INTO report_projection_version (singleton, version) VALUES (true, 0);
