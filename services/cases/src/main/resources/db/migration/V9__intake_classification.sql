-- What intake records besides channel, age band and arrival: the survivor's sex/gender (NOT_STATED when not
-- recorded), the incident's date (null when unknown) and classification (GBVIMS core type, null until
-- classified; legal sections from the catalogue), disability and vulnerability flags. Codes only, no identity.
-- Sets of codes are comma-separated and sorted, like an onward referral's disabilities; empty for none.
ALTER TABLE survivor_case
    ADD COLUMN sex_gender      VARCHAR(20)  NOT NULL DEFAULT 'NOT_STATED',
    ADD COLUMN incident_date   DATE,
    ADD COLUMN incident_type   VARCHAR(30),
    ADD COLUMN legal_sections  VARCHAR(400) NOT NULL DEFAULT '',
    ADD COLUMN disabilities    VARCHAR(200) NOT NULL DEFAULT '',
    ADD COLUMN vulnerabilities VARCHAR(200) NOT NULL DEFAULT '';
