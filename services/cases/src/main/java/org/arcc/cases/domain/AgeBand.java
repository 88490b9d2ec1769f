package org.arcc.cases.domain;

/** Age at intake, in the bands the government statistics use; under 18 is a child. */
public enum AgeBand {
    CHILD_0_11(true), CHILD_12_17(true), ADULT_18_24(false), ADULT_25_59(false), ADULT_60_PLUS(false), UNKNOWN(false);

    private final boolean child;

    AgeBand(boolean child) {
        this.child = child;
    }

    public boolean isChild() {
        return child;
    }
}
