-- Free text about a transfer or a referral (why it was proposed or declined) can name people, like service
-- notes: it is sealed under a data key of the record's own (issue 12). Rows written before hold it in the
-- clear columns until ClearReasonSealer, at start-up, seals them and blanks those columns; a later migration
-- drops them.
ALTER TABLE case_transfer ADD COLUMN data_key_id UUID REFERENCES data_key (id),
    ADD COLUMN reason_sealed BYTEA, ADD COLUMN decline_reason_sealed BYTEA;
ALTER TABLE referral ADD COLUMN data_key_id UUID REFERENCES data_key (id), ADD COLUMN decline_reason_sealed BYTEA;
