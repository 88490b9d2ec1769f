package org.arcc.reporting.api;

/** A table's rows as CSV (RFC 4180): one header line, suppressed values as they are shown, "&lt; k". */
final class TableCsv {

    static final String HEADER = "table,geography,geographyLevel,period,periodLevel,category,value,unit,suppressed";

    private TableCsv() {
    }

    static String of(ReportViews.TableView view) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ReportViews.Row row : view.rows()) {
            csv.append(view.id()).append(',').append(row.geography()).append(',').append(row.geographyLevel())
                    .append(',').append(row.period()).append(',').append(row.periodLevel()).append(',')
                    .append(row.category()).append(',').append(row.display()).append(',')
                    .append(row.unit() == null ? "" : row.unit()).append(',').append(row.suppressed()).append("\r\n");
        }
        return csv.toString();
    }
}
