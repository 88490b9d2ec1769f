package org.arcc.cases.domain.medicolegal;

/**
 * The fixed body map an injury is placed on (after the WHO body diagrams for medico-legal care): a region, never a
 * free-text location, so that two readers place an injury in the same place.
 */
public enum BodyRegion {
    HEAD_SCALP, FACE, EYES, EARS, MOUTH_LIPS, NECK, CHEST, BREASTS, ABDOMEN, UPPER_BACK, LOWER_BACK, BUTTOCKS,
    UPPER_ARM_LEFT, UPPER_ARM_RIGHT, FOREARM_LEFT, FOREARM_RIGHT, WRIST_HAND_LEFT, WRIST_HAND_RIGHT,
    THIGH_INNER_LEFT, THIGH_INNER_RIGHT, THIGH_OUTER_LEFT, THIGH_OUTER_RIGHT, LOWER_LEG_LEFT, LOWER_LEG_RIGHT,
    ANKLE_FOOT_LEFT, ANKLE_FOOT_RIGHT, EXTERNAL_GENITALIA, PERINEUM, ANAL_REGION
}
