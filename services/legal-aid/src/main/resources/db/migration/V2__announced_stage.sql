-- The coarse stage last published on arcc.legal.stage-changed.v1 (null: none yet, i.e. NO_FIR), so that a step
-- which moves the file to another stage announces it once, in its own transaction.
ALTER TABLE legal_file ADD COLUMN announced_stage VARCHAR(30);
