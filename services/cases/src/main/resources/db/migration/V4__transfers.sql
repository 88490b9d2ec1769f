-- Transfers between cells: proposed by the owning cell, decided by the receiving one. At most one open
-- transfer per case.
CREATE TABLE case_transfer (
    id              UUID         PRIMARY KEY,
    case_id         UUID         NOT NULL REFERENCES survivor_case (id),
    from_cell       VARCHAR(12)  NOT NULL REFERENCES cell (code),
    to_cell         VARCHAR(12)  NOT NULL REFERENCES cell (code),
    status          VARCHAR(12)  NOT NULL,
    reason          VARCHAR(500),
    proposed_by     VARCHAR(100) NOT NULL,
    proposed_at     TIMESTAMPTZ  NOT NULL,
    decided_by      VARCHAR(100),
    decided_at      TIMESTAMPTZ,
    decline_reason  VARCHAR(500)
);
CREATE UNIQUE INDEX case_transfer_one_open ON case_transfer (case_id) WHERE status = 'PROPOSED';
CREATE INDEX case_transfer_to_cell ON case_transfer (to_cell, status);
