package org.arcc.reporting.domain;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Everything a protected result depends on besides configuration: the projections' version (raised with every
 * change to them, a consent withdrawal and a rebuild included), the months asked for, and what the viewer already
 * knows. Filters (province, cell, category) only narrow the rows of the result, and every table is protected
 * together, so neither is part of the key: one entry serves every table and filter of a period for one viewer.
 * Analysts and platform administrators see the same figures (nothing exact), so they share entries; a cell
 * supervisor's entry is its own cell's.
 *
 * @param exactFor the cell whose figures are exact for the viewer (a cell supervisor's), or empty
 */
public record FiguresKey(long projectionVersion, YearMonth from, YearMonth to, Optional<String> exactFor) {

    public static FiguresKey of(long projectionVersion, Periods periods, Optional<String> exactFor) {
        return new FiguresKey(projectionVersion, periods.from(), periods.to(), exactFor);
    }
}
