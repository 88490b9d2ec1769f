package org.arcc.load;

import java.util.List;

/**
 * The six cells of the 2024 figures, with their demo staff ({@code khi.caseworker}, {@code khi.medical}, …) and API
 * client. The shares of the year's survivors are this simulation's assumption (the published 2024 figure is the total
 * of 437, not its split): the two Lahore cells and Karachi busiest, as the cities' sizes suggest.
 */
enum Cell {
    KHI("KHI", "khi", 0.24),
    LHE_1("LHE-1", "lhe1", 0.20),
    LHE_2("LHE-2", "lhe2", 0.16),
    RWP("RWP", "rwp", 0.14),
    ISB("ISB", "isb", 0.12),
    MUX("MUX", "mux", 0.14);

    private final String code;
    private final String userPrefix;
    private final double share;

    Cell(String code, String userPrefix, double share) {
        this.code = code;
        this.userPrefix = userPrefix;
        this.share = share;
    }

    String code() {
        return code;
    }

    double share() {
        return share;
    }

    String caseWorker() {
        return userPrefix + ".caseworker";
    }

    String medicalOfficer() {
        return userPrefix + ".medical";
    }

    String counsellor() {
        return userPrefix + ".counsellor";
    }

    String legalOfficer() {
        return userPrefix + ".legal";
    }

    String supervisor() {
        return userPrefix + ".supervisor";
    }

    /** The cell's API client (client credentials), e.g. {@code client:cell-khi-api}. */
    String apiClient() {
        return "client:cell-" + userPrefix + "-api";
    }

    List<String> staff() {
        return List.of(caseWorker(), medicalOfficer(), counsellor(), legalOfficer(), supervisor());
    }

    /** The cell whose cumulative share first reaches {@code u} (0 ≤ u < 1): draws cells in proportion to their shares. */
    static Cell drawn(double u) {
        double cumulative = 0;
        for (Cell cell : values()) {
            cumulative += cell.share;
            if (u < cumulative) {
                return cell;
            }
        }
        return values()[values().length - 1];
    }
}
