package org.arcc.disclosure;

import java.util.List;

/** One published figure: a table and one code per dimension of that table (totals included). */
public record Cell(String tableId, List<String> codes) {
    public Cell {
        codes = List.copyOf(codes);
    }
}
