-- Evidence items of a case as the evidence service announces them (arcc.evidence.item-registered.v1), and when a
-- lab recorded their analysis (custody action ANALYSED in arcc.evidence.custody-recorded.v1). A DNA report on a
-- legal file may only cover these items. Ids, kit numbers, type codes and times only. No foreign key to
-- legal_file: the two topics are not ordered with each other, an item may arrive before its case.
CREATE TABLE case_evidence_item (
    item_id      UUID         PRIMARY KEY,
    case_id      UUID         NOT NULL,
    kit_number   VARCHAR(40)  NOT NULL,
    item_type    VARCHAR(40)  NOT NULL,
    collected_at TIMESTAMPTZ  NOT NULL,
    analysed_at  TIMESTAMPTZ
);
CREATE INDEX case_evidence_item_case ON case_evidence_item (case_id);
