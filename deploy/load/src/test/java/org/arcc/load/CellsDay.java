package org.arcc.load;

import java.util.Locale;

/**
 * What one day of the six cells asks of the platform at {@code scale} times the 2024 volume: 437 survivors in a year
 * (219 of them children) across the six cells, so 1.2 a day, 12 a day at ten times. Per survivor, what the cells
 * record on the day of arrival and on the days after it (assumptions, from JOURNEYS.md and the cells' practice):
 * <ul>
 * <li>one in ten arrives through a partner NGO's referral, which the cell accepts (the case opens with it);</li>
 * <li>at intake: the identity, four consents (exam, collection, testing, statistics), the medico-legal exam and the
 * collection recorded as services, two evidence items registered and sent to the lab (lab receipt recorded), and
 * about ten reads of the case, its consents, services, identity and custody log by the staff;</li>
 * <li>afterwards: six counselling sessions and two legal-guidance sessions over the following weeks; on a steady day
 * that is eight follow-up sessions per survivor of the day, each with its staff member's case list and case read;</li>
 * <li>each cell's supervisor opens the figures four times a day and the government analyst eight times (each opening:
 * the table catalogue and the dashboard's four tables).</li>
 * </ul>
 * Compressed in time: the day's arrivals are spread evenly over {@code minutes} of simulated time.
 */
record CellsDay(double scale, int minutes) {

    static final int SURVIVORS_2024 = 437;
    static final int CHILDREN_2024 = 219;
    static final double NGO_REFERRED_SHARE = 0.10;
    static final int ITEMS_PER_SURVIVOR = 2;
    static final int COUNSELLING_SESSIONS_PER_SURVIVOR = 6;
    static final int LEGAL_SESSIONS_PER_SURVIVOR = 2;
    static final int SUPERVISOR_VIEWS_PER_DAY = 4;
    static final int ANALYST_VIEWS_PER_DAY = 8;

    CellsDay {
        if (scale <= 0 || minutes <= 0) {
            throw new IllegalArgumentException("scale and minutes must be positive");
        }
    }

    /** Survivors arriving in the day (walk-in, police, hotline and referred), rounded, at least one. */
    int survivors() {
        return Math.max(1, (int) Math.round(SURVIVORS_2024 * scale / 365.0));
    }

    /** Of them, arriving through a partner NGO's referral. */
    int referred() {
        return (int) Math.round(survivors() * NGO_REFERRED_SHARE);
    }

    /** Of them, opened by the cells' staff at the desk. */
    int walkIns() {
        return survivors() - referred();
    }

    /** The share of children among survivors, as in 2024. */
    static double childShare() {
        return (double) CHILDREN_2024 / SURVIVORS_2024;
    }

    /** Counselling and legal sessions recorded for earlier survivors on a steady day. */
    int followUpSessions() {
        return survivors() * (COUNSELLING_SESSIONS_PER_SURVIVOR + LEGAL_SESSIONS_PER_SURVIVOR);
    }

    /** Openings of the figures: each supervisor's and the analyst's. */
    int figureViews() {
        return Cell.values().length * SUPERVISOR_VIEWS_PER_DAY + ANALYST_VIEWS_PER_DAY;
    }

    /** How much faster than real time the day is played. */
    double compression() {
        return 24 * 60.0 / minutes;
    }

    String describe() {
        return String.format(Locale.ROOT,
                "%.0f× the 2024 volume: %d survivors (%d referred by a partner), %d follow-up sessions, %d figure views; "
                        + "one day played in %d min (%.0f× real time)",
                scale, survivors(), referred(), followUpSessions(), figureViews(), minutes, compression());
    }
}
