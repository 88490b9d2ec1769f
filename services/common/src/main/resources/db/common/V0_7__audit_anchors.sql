-- Signed heads of the audit chains (anchors, docs/security.md "Audit verification and anchoring").
-- One table for this service's own anchors and for the anchors it keeps for another service; source tells
-- them apart. heads is the canonical JSON array the signature covers ({chain, hash, position} per chain).
CREATE TABLE audit_anchor (
    id         BIGSERIAL    PRIMARY KEY,
    source     VARCHAR(100) NOT NULL,
    signed_at  TIMESTAMPTZ  NOT NULL,
    key_id     CHAR(16)     NOT NULL,
    heads      TEXT         NOT NULL,
    signature  VARCHAR(200) NOT NULL,
    kept_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT audit_anchor_once UNIQUE (source, signed_at, key_id)
);
CREATE INDEX audit_anchor_newest ON audit_anchor (source, id DESC);

CREATE FUNCTION audit_anchor_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_anchor is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_anchor_append_only BEFORE UPDATE OR DELETE ON audit_anchor
    FOR EACH ROW EXECUTE FUNCTION audit_anchor_is_append_only();

-- Breaks of the trail already alerted (arcc.audit.chain-broken.v1), so each is published once, not on every scan.
CREATE TABLE audit_break (
    chain        INT         NOT NULL,
    position     BIGINT      NOT NULL,
    kind         VARCHAR(30) NOT NULL,
    detected_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (chain, position, kind)
);
