package org.arcc.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Linked tables seen as the attacker sees them: one figure per distinct quantity (a margin shared by two tables of
 * the same population is one figure, whichever table publishes it) and the additivity equations between figures
 * (every non-leaf code is the sum of its children, in every dimension of every table).
 *
 * <p>A figure is identified within its population by one code per dimension name of the population, the total
 * standing for "not broken down by this dimension": the survivors table by age band's cell (KHI, 2026-01, TOTAL)
 * and the one by sex's (KHI, 2026-01, TOTAL) are both (KHI, 2026-01, total, total).
 */
final class LinkedFigures {

    /** One population: its tables and the union of their dimensions. */
    static final class Population {
        final String name;
        final List<Hierarchy> dimensions = new ArrayList<>();
        final List<List<String>> codes = new ArrayList<>();
        final List<Map<String, Integer>> codeIndex = new ArrayList<>();
        final Map<Long, Integer> figureByKey = new HashMap<>();
        long[] radix;

        Population(String name) {
            this.name = name;
        }

        int dimension(String name) {
            for (int d = 0; d < dimensions.size(); d++) {
                if (dimensions.get(d).name().equals(name)) {
                    return d;
                }
            }
            return -1;
        }
    }

    /** One table: where its dimensions sit among its population's, and the figure of each of its cells. */
    static final class Table {
        final CountTable source;
        final Population population;
        final int[] populationDimension;
        final int[] size;
        int[] figureOfCell;

        Table(CountTable source, Population population) {
            this.source = source;
            this.population = population;
            this.populationDimension = new int[source.dimensions().size()];
            this.size = new int[source.dimensions().size()];
        }

        int cellCount() {
            int n = 1;
            for (int s : size) {
                n *= s;
            }
            return n;
        }

        /** Cell index of the code indexes {@code codes} (one per table dimension). */
        int cellIndex(int[] codes) {
            int index = 0;
            for (int d = 0; d < size.length; d++) {
                index = index * size[d] + codes[d];
            }
            return index;
        }

        int[] codesOf(int cellIndex) {
            int[] codes = new int[size.length];
            for (int d = size.length - 1; d >= 0; d--) {
                codes[d] = cellIndex % size[d];
                cellIndex /= size[d];
            }
            return codes;
        }

        Cell cell(int cellIndex) {
            int[] codes = codesOf(cellIndex);
            List<String> names = new ArrayList<>(codes.length);
            for (int d = 0; d < codes.length; d++) {
                names.add(population.codes.get(populationDimension[d]).get(codes[d]));
            }
            return new Cell(source.id(), names);
        }
    }

    final List<Population> populations = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();
    /** Per figure: its value, its population, and every table cell that publishes it. */
    final List<Long> valueList = new ArrayList<>();
    long[] value;
    int[] populationOf;
    final List<List<Cell>> cellsOf = new ArrayList<>();
    /** Per figure: its code index in every dimension of its population. */
    final List<int[]> codesOf = new ArrayList<>();
    /** Each equation: figure[0] = figure[1] + … + figure[n − 1]. */
    final List<int[]> equations = new ArrayList<>();
    /** The signatures of {@link #equations}: an equation two tables share is kept once. */
    private final Set<List<Integer>> equationSignatures = new HashSet<>();
    /** Per figure: the equations it appears in. */
    int[][] equationsOf;
    final Map<Cell, Integer> figureOfCell = new LinkedHashMap<>();

    LinkedFigures(List<CountTable> linkedTables) {
        Map<String, Population> byName = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (CountTable source : linkedTables) {
            if (!ids.add(source.id())) {
                throw new IllegalArgumentException("two tables share the id " + source.id());
            }
            Population population = byName.computeIfAbsent(source.population(), Population::new);
            for (Hierarchy dimension : source.dimensions()) {
                int d = population.dimension(dimension.name());
                if (d < 0) {
                    population.dimensions.add(dimension);
                    List<String> codes = List.copyOf(dimension.codes());
                    population.codes.add(codes);
                    Map<String, Integer> index = new HashMap<>();
                    for (int i = 0; i < codes.size(); i++) {
                        index.put(codes.get(i), i);
                    }
                    population.codeIndex.add(index);
                } else if (!sameClassification(population.dimensions.get(d), dimension)) {
                    throw new IllegalArgumentException("tables of " + source.population() + " classify "
                            + dimension.name() + " differently; linked tables must share their classifications");
                }
            }
        }
        populations.addAll(byName.values());
        for (Population population : populations) {
            population.radix = new long[population.dimensions.size()];
            long r = 1;
            for (int d = population.dimensions.size() - 1; d >= 0; d--) {
                population.radix[d] = r;
                r = Math.multiplyExact(r, population.codes.get(d).size());
            }
        }
        for (CountTable source : linkedTables) {
            Population population = byName.get(source.population());
            Table table = new Table(source, population);
            for (int d = 0; d < source.dimensions().size(); d++) {
                table.populationDimension[d] = population.dimension(source.dimensions().get(d).name());
                table.size[d] = source.dimensions().get(d).codes().size();
            }
            tables.add(table);
            indexCells(table, populations.indexOf(population));
        }
        value = valueList.stream().mapToLong(Long::longValue).toArray();
        populationOf = new int[value.length];
        for (Population population : populations) {
            int p = populations.indexOf(population);
            population.figureByKey.values().forEach(f -> populationOf[f] = p);
        }
        for (Table table : tables) {
            addEquations(table);
        }
        List<List<Integer>> byFigure = new ArrayList<>();
        for (int f = 0; f < value.length; f++) {
            byFigure.add(new ArrayList<>());
        }
        for (int e = 0; e < equations.size(); e++) {
            for (int f : equations.get(e)) {
                byFigure.get(f).add(e);
            }
        }
        equationsOf = new int[value.length][];
        for (int f = 0; f < value.length; f++) {
            equationsOf[f] = byFigure.get(f).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static boolean sameClassification(Hierarchy a, Hierarchy b) {
        if (!a.total().equals(b.total()) || !a.codes().equals(b.codes())) {
            return false;
        }
        return a.codes().stream().allMatch(code -> a.childrenOf(code).equals(b.childrenOf(code)));
    }

    private void indexCells(Table table, int populationIndex) {
        Population population = table.population;
        table.figureOfCell = new int[table.cellCount()];
        int dims = population.dimensions.size();
        for (int cellIndex = 0; cellIndex < table.figureOfCell.length; cellIndex++) {
            int[] codes = table.codesOf(cellIndex);
            int[] figureCodes = new int[dims];
            long key = 0;
            for (int d = 0; d < codes.length; d++) {
                figureCodes[table.populationDimension[d]] = codes[d];
                key += codes[d] * population.radix[table.populationDimension[d]];
            }
            Integer figure = population.figureByKey.get(key);
            Cell cell = table.cell(cellIndex);
            long v = table.source.value(cell.codes());
            if (figure == null) {
                figure = valueList.size();
                population.figureByKey.put(key, figure);
                valueList.add(v);
                cellsOf.add(new ArrayList<>());
                codesOf.add(figureCodes);
            } else if (valueList.get(figure) != v) {
                throw new IllegalArgumentException("tables of " + population.name + " disagree on a shared margin: "
                        + cell + " is " + v + " but " + cellsOf.get(figure).get(0) + " is " + valueList.get(figure));
            }
            cellsOf.get(figure).add(cell);
            figureOfCell.put(cell, figure);
            table.figureOfCell[cellIndex] = figure;
        }
    }

    private void addEquations(Table table) {
        Set<List<Integer>> seen = equationSignatures;
        List<Hierarchy> dimensions = table.source.dimensions();
        for (int cellIndex = 0; cellIndex < table.figureOfCell.length; cellIndex++) {
            int[] codes = table.codesOf(cellIndex);
            for (int d = 0; d < codes.length; d++) {
                Hierarchy dimension = dimensions.get(d);
                String code = table.population.codes.get(table.populationDimension[d]).get(codes[d]);
                List<String> children = dimension.childrenOf(code);
                if (children.isEmpty()) {
                    continue;
                }
                int[] equation = new int[children.size() + 1];
                equation[0] = table.figureOfCell[cellIndex];
                int[] childCodes = codes.clone();
                for (int c = 0; c < children.size(); c++) {
                    childCodes[d] = table.population.codeIndex.get(table.populationDimension[d]).get(children.get(c));
                    equation[c + 1] = table.figureOfCell[table.cellIndex(childCodes)];
                }
                if (seen.add(signature(equation))) {
                    equations.add(equation);
                }
            }
        }
    }

    private static List<Integer> signature(int[] equation) {
        int[] children = Arrays.copyOfRange(equation, 1, equation.length);
        Arrays.sort(children);
        List<Integer> signature = new ArrayList<>(equation.length);
        signature.add(equation[0]);
        for (int c : children) {
            signature.add(c);
        }
        return signature;
    }

    int figureCount() {
        return value.length;
    }

    /**
     * The figures the viewer knows without any publication: those it is told it knows, and everything it can work
     * out from them and the published zeros alone (Sindh is Karachi when Karachi is the province's only cell;
     * Punjab is Lahore-2 when the other Punjab cells show 0) — such a figure tells the viewer nothing about anyone
     * else, so it is shown to that viewer.
     */
    boolean[] knownTo(Predicate<Cell> knownToViewer) {
        boolean[] known = new boolean[value.length];
        for (int f = 0; f < known.length; f++) {
            for (Cell cell : cellsOf.get(f)) {
                if (knownToViewer.test(cell)) {
                    known[f] = true;
                    break;
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] equation : equations) {
                int unknown = -1;
                int unknowns = 0;
                for (int f : equation) {
                    // A 0 is always published, so it is as good as known.
                    if (!known[f] && value[f] != 0) {
                        unknowns++;
                        unknown = f;
                    }
                }
                if (unknowns == 1) {
                    known[unknown] = true;
                    changed = true;
                }
            }
        }
        return known;
    }

    /** How many of a figure's codes are totals or subtotals (0 for a leaf-level figure). */
    int aggregationLevel(int figure) {
        Population population = populations.get(populationOf[figure]);
        int[] codes = codesOf.get(figure);
        int level = 0;
        for (int d = 0; d < codes.length; d++) {
            if (!population.dimensions.get(d).isLeaf(population.codes.get(d).get(codes[d]))) {
                level++;
            }
        }
        return level;
    }
}
