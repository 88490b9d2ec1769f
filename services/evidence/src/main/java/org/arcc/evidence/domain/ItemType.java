package org.arcc.evidence.domain;

/** What was collected. */
public enum ItemType {
    SWABS, CLOTHING, BLOOD, URINE, HAIR, DNA_REFERENCE_SAMPLE, DIGITAL_EVIDENCE
}
