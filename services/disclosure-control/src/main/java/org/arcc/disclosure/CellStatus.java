package org.arcc.disclosure;

/**
 * Why a figure is or is not published. Only for the publisher: a publication must never show the difference
 * between {@link #PRIMARY} and {@link #COMPLEMENTARY} (both read "suppressed"), or the reader learns which
 * suppressed figures are small.
 */
public enum CellStatus {
    /** Published as is (0 included). */
    PUBLISHED,
    /** Suppressed because it is between 1 and k − 1. */
    PRIMARY,
    /** Suppressed so that the primary suppressions cannot be worked out from the published figures. */
    COMPLEMENTARY
}
