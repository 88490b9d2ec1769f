-- Cells added through the API (POST /api/v1/cells) record the administrator who added them; the six seeded
-- by V1 have none.
ALTER TABLE cell ADD COLUMN created_by VARCHAR(100);
