package org.arcc.cases.domain.medicolegal;

/** What kind of injury, in the terms a forensic report uses. */
public enum InjuryKind {
    ABRASION, BRUISE, LACERATION, INCISED_WOUND, BITE_MARK, BURN, SUSPECTED_FRACTURE, TENDERNESS, SWELLING, OTHER
}
