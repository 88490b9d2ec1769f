// What each chart and table shows, computed from the reporting API's rows. No DOM here.
// A suppressed figure is null in a chart series (a gap, never 0) and its "display" text in a table.

/** The months from..to inclusive, as YYYY-MM. */
export function monthsBetween(from, to) {
  const months = [];
  let [year, month] = from.split('-').map(Number);
  const [endYear, endMonth] = to.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(year + '-' + String(month).padStart(2, '0'));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The geography a figure is drawn for: the chosen cell, else the chosen province, else the country. */
export function focusOf(filters) {
  if (filters.cell) return { code: filters.cell, level: 'CELL' };
  if (filters.province) return { code: filters.province, level: 'PROVINCE' };
  return { code: 'PK', level: 'NATIONAL' };
}

/**
 * A grid of rows: one line per lineKey, one column per columnKey, the row found at each crossing (or undefined).
 * @param rows published rows
 * @param lineOf row => the line it belongs to
 * @param columnOf row => its column
 * @param lines lines in the order to show them; any other line found is added after them
 * @param columns columns in order
 */
export function grid(rows, lineOf, columnOf, lines, columns) {
  const cells = new Map();
  const order = [...lines];
  rows.forEach((row) => {
    const line = lineOf(row);
    if (!order.includes(line)) order.push(line);
    cells.set(line + '\u0000' + columnOf(row), row);
  });
  return {
    lines: order,
    columns,
    at: (line, column) => cells.get(line + '\u0000' + column),
  };
}

/** Monthly survivors per cell: lines are cells, columns months; TOTAL unless an age band is chosen. */
export function trendPerCell(table, filters) {
  const category = filters.ageBand || 'TOTAL';
  const rows = table.rows.filter((r) => r.geographyLevel === 'CELL' && r.periodLevel === 'MONTH'
    && r.category === category && !r.unit);
  const cells = [...new Set(rows.map((r) => r.geography))].sort();
  return grid(rows, (r) => r.geography, (r) => r.period, cells, monthsBetween(filters.from, filters.to));
}

/** A table's categories month by month for the focus geography: lines are categories, columns months. */
export function categoriesByMonth(table, filters, categoryOrder = []) {
  const focus = focusOf(filters);
  const rows = table.rows.filter((r) => r.geography === focus.code && r.periodLevel === 'MONTH');
  const present = new Set(rows.map((r) => r.category));
  return grid(rows, (r) => r.category, (r) => r.period, categoryOrder.filter((c) => present.has(c)),
    monthsBetween(filters.from, filters.to));
}

/** A chart series for a line: the value where published, null (a gap) where suppressed or absent. */
export function series(figureGrid, line) {
  return figureGrid.columns.map((column) => {
    const row = figureGrid.at(line, column);
    return row && !row.suppressed && row.value !== null ? row.value : null;
  });
}

/**
 * Lines drawn in a chart: those whose rows pass the test (e.g. the shares of a table, or some of its counts). One
 * chart has one scale, so counts, shares and hours are never drawn together; the table beside shows them all.
 */
export function drawnLines(figureGrid, drawn = (row) => !row.unit) {
  return figureGrid.lines.filter((line) => figureGrid.columns.some((column) => {
    const row = figureGrid.at(line, column);
    return row && drawn(row);
  }));
}

export function anySuppressed(figureGrid) {
  return figureGrid.lines.some((line) => figureGrid.columns.some((column) => {
    const row = figureGrid.at(line, column);
    return row && row.suppressed;
  }));
}
