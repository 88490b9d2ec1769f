package org.arcc.reporting.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where figures are counted: each cell belongs to one province, every province to Pakistan ({@code PK}).
 * Codes are ISO 3166-2 for provinces and the cell codes of the cases service for cells.
 */
public final class Geography {

    public static final String NATIONAL = "PK";

    public enum Level {
        CELL, PROVINCE, NATIONAL
    }

    private final Map<String, String> provinceOfCell;

    /** @param provinceOfCell cell code → province code, in the order cells are listed */
    public Geography(Map<String, String> provinceOfCell) {
        this.provinceOfCell = new LinkedHashMap<>(provinceOfCell);
    }

    public List<String> cells() {
        return List.copyOf(provinceOfCell.keySet());
    }

    public List<String> provinces() {
        return provinceOfCell.values().stream().distinct().sorted().toList();
    }

    public boolean isCell(String code) {
        return provinceOfCell.containsKey(code);
    }

    public boolean isProvince(String code) {
        return provinceOfCell.containsValue(code);
    }

    public String provinceOf(String cell) {
        return provinceOfCell.get(cell);
    }

    public List<String> cellsOf(String province) {
        return provinceOfCell.entrySet().stream().filter(e -> Objects.equals(e.getValue(), province))
                .map(Map.Entry::getKey).toList();
    }

    /** Every code, cells first, then provinces, then the nation (the order rows are listed in). */
    public List<String> codes() {
        List<String> codes = new ArrayList<>(cells());
        codes.addAll(provinces());
        codes.add(NATIONAL);
        return codes;
    }

    public Level levelOf(String code) {
        if (NATIONAL.equals(code)) {
            return Level.NATIONAL;
        }
        return isCell(code) ? Level.CELL : Level.PROVINCE;
    }

    /** Whether a figure of {@code code} includes what is counted in {@code cell}. */
    public boolean contains(String code, String cell) {
        return code.equals(cell) || code.equals(provinceOf(cell)) || NATIONAL.equals(code);
    }
}
