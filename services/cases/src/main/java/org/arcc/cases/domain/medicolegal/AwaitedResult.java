package org.arcc.cases.domain.medicolegal;

/** Results the opinion waits for. */
public enum AwaitedResult {
    DNA_PROFILE, SEMEN_DETECTION, TOXICOLOGY, SEROLOGY, PREGNANCY_CONFIRMATION, IMAGING, HISTOPATHOLOGY
}
