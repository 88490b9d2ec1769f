-- Referrals from partner NGOs: minimal data (codes), a consent attestation, the receiving cell's decision.
CREATE TABLE referral (
    id                  UUID         PRIMARY KEY,
    partner             VARCHAR(64)  NOT NULL,
    partner_reference   VARCHAR(64),
    cell_code           VARCHAR(12)  NOT NULL REFERENCES cell (code),
    age_band            VARCHAR(20)  NOT NULL,
    incident_category   VARCHAR(30)  NOT NULL,
    status              VARCHAR(12)  NOT NULL,
    case_id             UUID         REFERENCES survivor_case (id),
    decline_reason      VARCHAR(500),
    received_at         TIMESTAMPTZ  NOT NULL,
    decided_at          TIMESTAMPTZ,
    decided_by          VARCHAR(100)
);
CREATE INDEX referral_cell ON referral (cell_code, status);
CREATE INDEX referral_partner ON referral (partner, received_at);

-- Where each partner wants status changes pushed, and the shared secret (encrypted) they verify signatures with.
CREATE TABLE partner_webhook (
    partner        VARCHAR(64)  PRIMARY KEY,
    url            VARCHAR(500) NOT NULL,
    data_key_id    UUID         NOT NULL REFERENCES data_key (id),
    secret         BYTEA        NOT NULL,
    registered_by  VARCHAR(100) NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL
);

-- Every status message owed to a partner, and how its delivery went (the delivery log).
CREATE TABLE webhook_delivery (
    id               UUID         PRIMARY KEY,
    partner          VARCHAR(64)  NOT NULL,
    referral_id      UUID         NOT NULL REFERENCES referral (id),
    body             TEXT         NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    delivered_at     TIMESTAMPTZ,
    gave_up_at       TIMESTAMPTZ,
    last_status      INT,
    last_error       VARCHAR(300),
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL AND gave_up_at IS NULL;
