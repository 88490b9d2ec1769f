package org.arcc.reporting.domain;

import java.util.List;

/**
 * One set of counts that add up: categories that partition a total (exams within 6 hours and late, adding up to
 * the exams), or a single count ({@code categories} empty, {@code total} its code). Groups of the same
 * population count the same units and share their total: every survivor table's TOTAL is the number of survivors
 * counted, so disclosure control treats them as linked tables.
 *
 * @param id         stable id, the disclosure table id
 * @param population what is counted, e.g. {@code survivors}
 * @param total      the code of the total (or of the single count)
 * @param categories the codes that add up to the total; empty for a single count
 */
public record Group(String id, String population, String total, List<String> categories) {

    public static Group single(String code, String population) {
        return new Group(code, population, code, List.of());
    }

    public boolean isSingle() {
        return categories.isEmpty();
    }

    /** The codes a table shows for the group: its categories, then its total. */
    public List<String> codes() {
        if (isSingle()) {
            return List.of(total);
        }
        List<String> codes = new java.util.ArrayList<>(categories);
        codes.add(total);
        return codes;
    }

    /** The category a raw code is counted under; unknown codes go to the last category (UNKNOWN, OTHER, ...). */
    public String categoryOf(String code) {
        return code != null && categories.contains(code) ? code : categories.get(categories.size() - 1);
    }
}
