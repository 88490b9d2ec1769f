-- Onward referrals from a cell to a partner (shelter, livelihood, counselling, ...), each resting on the
-- survivor's SHARING consent for that partner. Only codes travel to the partner; the cell's note is free text
-- and is encrypted under its own data key, like service notes.
CREATE TABLE onward_referral (
    id                 UUID         PRIMARY KEY,
    case_id            UUID         NOT NULL REFERENCES survivor_case (id),
    cell_code          VARCHAR(12)  NOT NULL REFERENCES cell (code),
    partner            VARCHAR(64)  NOT NULL,
    consent_id         UUID         NOT NULL REFERENCES consent (id),
    service_kind       VARCHAR(20)  NOT NULL,
    urgency            VARCHAR(12)  NOT NULL,
    age_band           VARCHAR(20)  NOT NULL,
    sex_gender         VARCHAR(20)  NOT NULL,
    disabilities       VARCHAR(200) NOT NULL DEFAULT '',
    contact_reference  VARCHAR(32)  NOT NULL UNIQUE,
    data_key_id        UUID         REFERENCES data_key (id),
    note               BYTEA,
    status             VARCHAR(12)  NOT NULL,
    made_at            TIMESTAMPTZ  NOT NULL,
    made_by            VARCHAR(100) NOT NULL,
    acknowledged_at    TIMESTAMPTZ,
    decline_reason     VARCHAR(20),
    withdrawn_at       TIMESTAMPTZ
);
CREATE INDEX onward_referral_case ON onward_referral (case_id, made_at);
CREATE INDEX onward_referral_partner ON onward_referral (partner, made_at);
CREATE INDEX onward_referral_consent ON onward_referral (consent_id) WHERE withdrawn_at IS NULL;

-- Webhook deliveries now also carry onward-referral status: exactly one of the two ids is set.
ALTER TABLE webhook_delivery ALTER COLUMN referral_id DROP NOT NULL;
ALTER TABLE webhook_delivery ADD COLUMN onward_referral_id UUID REFERENCES onward_referral (id);
ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_subject
    CHECK ((referral_id IS NULL) <> (onward_referral_id IS NULL));
