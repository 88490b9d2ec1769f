package org.arcc.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Object Mother: the shapes the reporting service publishes — cells → provinces → PK, months → quarters → year. */
final class PakistanTables {

    static final List<String> CELLS = List.of("ISB", "KHI", "LHE-1", "LHE-2", "MUX", "RWP");
    static final List<String> MONTHS = List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
            "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12");

    private PakistanTables() {
    }

    static Hierarchy geography() {
        return Hierarchy.of("geography", "PK")
                .add("PK", "PK-IS").add("PK", "PK-SD").add("PK", "PK-PB")
                .add("PK-IS", "ISB").add("PK-SD", "KHI")
                .add("PK-PB", "LHE-1").add("PK-PB", "LHE-2").add("PK-PB", "MUX").add("PK-PB", "RWP")
                .build();
    }

    static Hierarchy year() {
        Hierarchy.Builder builder = Hierarchy.of("period", "2026");
        for (int q = 1; q <= 4; q++) {
            builder.add("2026", "2026-Q" + q);
            for (int m = 0; m < 3; m++) {
                builder.add("2026-Q" + q, MONTHS.get((q - 1) * 3 + m));
            }
        }
        return builder.build();
    }

    /** A flat category dimension: TOTAL and its codes. */
    static Hierarchy categories(String name, String... codes) {
        Hierarchy.Builder builder = Hierarchy.of(name, "TOTAL");
        for (String code : codes) {
            builder.add("TOTAL", code);
        }
        return builder.build();
    }

    static Hierarchy ageBands() {
        return categories("age-band", "0-11", "12-17", "18-24", "25-34", "35-49", "50+");
    }

    static Hierarchy sexGender() {
        return categories("sex-gender", "FEMALE", "MALE", "TRANSGENDER", "INTERSEX", "OTHER", "NOT_STATED");
    }

    static Hierarchy incidentTypes() {
        return categories("incident-type", "RAPE", "SEXUAL_ASSAULT", "PHYSICAL_ASSAULT", "FORCED_MARRIAGE",
                "DENIAL_OF_RESOURCES", "PSYCHOLOGICAL_ABUSE");
    }

    static Hierarchy channels() {
        return categories("channel", "WALK_IN", "POLICE", "NGO_REFERRAL", "HEALTH_FACILITY", "HELPLINE", "OTHER");
    }

    /**
     * Four linked tables of one population ("survivors" by age band, by sex/gender, by incident type, by channel),
     * 6 cells × 12 months: each survivor is counted once in each table, so the tables share their geography × period
     * totals exactly as in the reporting service. Monthly intake per cell is small (0 to {@code maxPerCellMonth}),
     * so many figures are between 1 and 4.
     */
    static List<CountTable> survivors(long seed, int maxPerCellMonth) {
        return survivors(seed, maxPerCellMonth, year(), MONTHS, 4);
    }

    /** One quarter (2026-Q1: three months, the quarter and the year) of {@code tableCount} linked tables. */
    static List<CountTable> firstQuarter(long seed, int maxPerCellMonth, int tableCount) {
        Hierarchy period = Hierarchy.of("period", "2026").add("2026", "2026-Q1")
                .add("2026-Q1", "2026-01").add("2026-Q1", "2026-02").add("2026-Q1", "2026-03").build();
        return survivors(seed, maxPerCellMonth, period, MONTHS.subList(0, 3), tableCount);
    }

    static List<CountTable> survivors(long seed, int maxPerCellMonth, Hierarchy period, List<String> months,
                                      int tableCount) {
        Random random = new Random(seed);
        List<Hierarchy> categories = List.of(ageBands(), sexGender(), incidentTypes(), channels())
                .subList(0, tableCount);
        List<CountTable> tables = new ArrayList<>();
        for (Hierarchy category : categories) {
            tables.add(new CountTable("survivors-by-" + category.name(), "survivors",
                    List.of(geography(), period, category)));
        }
        for (String cell : CELLS) {
            for (String month : months) {
                int survivors = random.nextInt(maxPerCellMonth + 1);
                for (int s = 0; s < survivors; s++) {
                    for (int t = 0; t < tables.size(); t++) {
                        List<String> codes = categories.get(t).childrenOf("TOTAL");
                        // Skewed: the first codes are far more common, so the rare ones are small.
                        int code = Math.min(codes.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 2));
                        tables.get(t).count(List.of(cell, month, codes.get(code)), 1);
                    }
                }
            }
        }
        return tables;
    }
}
