package org.arcc.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Complementary suppression by protecting moves (the hypercube idea of τ-Argus' GHMITER, generalised to
 * hierarchical, linked tables and checked cell by cell).
 *
 * <p>A <em>move</em> adds {@code +t} or {@code −t} to a set of figures so that every additivity equation of every
 * linked table still holds. If every figure it touches is suppressed, the published figures cannot tell the true
 * table from the moved one, so the attacker's interval for a primary cell reaches as far as the move can go while
 * every suppressed figure stays ≥ 1 (a published 0 says suppressed figures are ≥ 1). For each primary figure we
 * look for the cheapest move (fewest and smallest newly suppressed figures, low-level figures before totals) whose
 * reach meets {@link DisclosureRule}, and suppress what it touches. Suppressing more never shrinks an earlier
 * move's reach, so every primary figure keeps its proof; the attacker's audit ({@link Attacker}) checks the result.
 *
 * <p>A move is a product, over the dimensions of the population, of one balanced pattern per dimension:
 * <ul>
 *   <li><b>pair</b>: the primary's code, its ancestors up to some code A, and a chain from it down to a leaf, all
 *       {@code +}; a sibling B of A and a chain from B down to a leaf, all {@code −} — balanced at A's parent;</li>
 *   <li><b>tower</b>: the primary's code, all its ancestors up to the total and a chain down to a leaf, all
 *       {@code +} — for a dimension with no usable sibling (Islamabad is the only cell of its province) or one the
 *       primary's table does not break down; a tower through a total spills into the linked tables sharing it,
 *       where the product continues down their own dimensions.</li>
 * </ul>
 */
final class ComplementarySuppression {

    private final LinkedFigures figures;
    private final DisclosureRule rule;
    private final boolean[] known;
    private final CellStatus[] status;
    private final int[] stamp;
    private int generation;

    ComplementarySuppression(LinkedFigures figures, DisclosureRule rule, boolean[] known, CellStatus[] status) {
        this.figures = figures;
        this.rule = rule;
        this.known = known;
        this.status = status;
        this.stamp = new int[figures.figureCount()];
    }

    /** One balanced pattern in one dimension: code indexes and their signs. */
    record Pattern(int[] codes, int[] signs, boolean hasTotal) {
    }

    void protectAll() {
        List<Integer> primaries = new ArrayList<>();
        for (int f = 0; f < status.length; f++) {
            if (status[f] == CellStatus.PRIMARY) {
                primaries.add(f);
            }
        }
        // Totals first (their moves are the largest and later ones can reuse them), then the smallest counts.
        primaries.sort(Comparator.comparingInt((Integer f) -> -figures.aggregationLevel(f))
                .thenComparingLong(f -> figures.value[f]).thenComparingInt(f -> f));
        for (int primary : primaries) {
            protect(primary);
        }
    }

    private void protect(int primary) {
        LinkedFigures.Population population = figures.populations.get(figures.populationOf[primary]);
        int dims = population.dimensions.size();
        int[] corner = corner(primary);
        // Where the other side of a pair descends is judged in the primary's own table.
        LinkedFigures.Table table = tableOf(primary);
        int[] tableCorner = new int[dims];
        for (int d = 0; d < dims; d++) {
            tableCorner[d] = inTable(table, d) ? corner[d] : 0;
        }
        List<List<Pattern>> options = new ArrayList<>(dims);
        int[] codes = figures.codesOf.get(primary);
        for (int d = 0; d < dims; d++) {
            options.add(patterns(population, d, codes[d], corner, tableCorner));
        }
        int[] choice = new int[dims];
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        Pattern[] chosen = new Pattern[dims];
        while (true) {
            for (int d = 0; d < dims; d++) {
                chosen[d] = options.get(d).get(choice[d]);
            }
            double cost = evaluate(primary, population, chosen, bestCost, false);
            if (cost < bestCost) {
                bestCost = cost;
                best = choice.clone();
                if (cost == 0) {
                    break;
                }
            }
            int d = dims - 1;
            while (d >= 0 && ++choice[d] == options.get(d).size()) {
                choice[d] = 0;
                d--;
            }
            if (d < 0) {
                break;
            }
        }
        if (best == null) {
            suppressEverythingUnknown(population);
            return;
        }
        for (int d = 0; d < dims; d++) {
            chosen[d] = options.get(d).get(best[d]);
        }
        evaluate(primary, population, chosen, Double.POSITIVE_INFINITY, true);
    }

    /**
     * The cost of the move (sum of the weights of figures it would newly suppress), or +∞ when it touches a figure
     * that cannot be suppressed (0 or known to the viewer) or does not reach far enough; suppresses when
     * {@code apply}.
     */
    private double evaluate(int primary, LinkedFigures.Population population, Pattern[] chosen, double ceiling,
                            boolean apply) {
        generation++;
        double cost = 0;
        long up = Long.MAX_VALUE;
        long down = figures.value[primary] - 1;
        for (LinkedFigures.Table table : figures.tables) {
            if (table.population != population || !touches(table, chosen)) {
                continue;
            }
            int n = table.size.length;
            int[] position = new int[n];
            int[] codes = new int[n];
            while (true) {
                int sign = 1;
                for (int d = 0; d < n; d++) {
                    Pattern pattern = chosen[table.populationDimension[d]];
                    codes[d] = pattern.codes[position[d]];
                    sign *= pattern.signs[position[d]];
                }
                int f = table.figureOfCell[table.cellIndex(codes)];
                if (stamp[f] != generation) {
                    stamp[f] = generation;
                    long v = figures.value[f];
                    if (status[f] == CellStatus.PUBLISHED) {
                        if (v == 0 || known[f]) {
                            return Double.POSITIVE_INFINITY;
                        }
                        if (apply) {
                            status[f] = CellStatus.COMPLEMENTARY;
                        } else {
                            cost += weight(f);
                            if (cost >= ceiling) {
                                return Double.POSITIVE_INFINITY;
                            }
                        }
                    }
                    if (sign < 0) {
                        up = Math.min(up, v - 1);
                    } else if (f != primary) {
                        down = Math.min(down, v - 1);
                    }
                }
                int d = n - 1;
                while (d >= 0 && ++position[d] == chosen[table.populationDimension[d]].codes.length) {
                    position[d] = 0;
                    d--;
                }
                if (d < 0) {
                    break;
                }
            }
        }
        long v = figures.value[primary];
        boolean reaches = up >= rule.k() - v && (up == Long.MAX_VALUE || up + down >= rule.k() - 1);
        return reaches || apply ? cost : Double.POSITIVE_INFINITY;
    }

    /** Whether the move touches the table: every dimension the table lacks must be a tower (through its total). */
    private static boolean touches(LinkedFigures.Table table, Pattern[] chosen) {
        for (int d = 0; d < chosen.length; d++) {
            boolean inTable = false;
            for (int td : table.populationDimension) {
                inTable |= td == d;
            }
            if (!inTable && !chosen[d].hasTotal) {
                return false;
            }
        }
        return true;
    }

    private double weight(int f) {
        // τ-Argus' default cost is the cell value; a level factor keeps totals out while lower cells will do.
        return (figures.value[f] + 1.0) * (1 + 2 * figures.aggregationLevel(f));
    }

    /** Every balanced pattern in dimension {@code d} that contains {@code code} with sign +. */
    private List<Pattern> patterns(LinkedFigures.Population population, int d, int code, int[] corner,
                                   int[] tableCorner) {
        Hierarchy hierarchy = population.dimensions.get(d);
        List<String> names = population.codes.get(d);
        List<Integer> downFromPrimary = chain(hierarchy, names, code, corner[d]);
        List<Pattern> patterns = new ArrayList<>();
        List<Integer> up = new ArrayList<>();
        for (String a : hierarchy.selfAndAncestors(names.get(code))) {
            int aIndex = population.codeIndex.get(d).get(a);
            up.add(aIndex);
            String parent = hierarchy.parentOf(a);
            if (parent == null) {
                break;
            }
            for (String b : hierarchy.childrenOf(parent)) {
                if (b.equals(a)) {
                    continue;
                }
                int bIndex = population.codeIndex.get(d).get(b);
                List<Integer> minus = greedyChain(population, d, bIndex, tableCorner);
                int size = up.size() + downFromPrimary.size() - 1 + minus.size();
                int[] codes = new int[size];
                int[] signs = new int[size];
                int i = 0;
                for (int c : up) {
                    codes[i] = c;
                    signs[i++] = 1;
                }
                for (int c : downFromPrimary.subList(1, downFromPrimary.size())) {
                    codes[i] = c;
                    signs[i++] = 1;
                }
                for (int c : minus) {
                    codes[i] = c;
                    signs[i++] = -1;
                }
                patterns.add(new Pattern(codes, signs, false));
            }
        }
        // The tower: up to the total.
        int size = up.size() + downFromPrimary.size() - 1;
        int[] codes = new int[size];
        int i = 0;
        for (int c : up) {
            codes[i++] = c;
        }
        for (int c : downFromPrimary.subList(1, downFromPrimary.size())) {
            codes[i++] = c;
        }
        int[] signs = new int[size];
        Arrays.fill(signs, 1);
        patterns.add(new Pattern(codes, signs, true));
        return patterns;
    }

    /** The codes from {@code from} down to its descendant leaf {@code leaf}, both included. */
    private static List<Integer> chain(Hierarchy hierarchy, List<String> names, int from, int leaf) {
        List<Integer> chain = new ArrayList<>();
        List<String> upwards = hierarchy.selfAndAncestors(names.get(leaf));
        for (String code : upwards) {
            chain.add(0, names.indexOf(code));
            if (names.indexOf(code) == from) {
                return chain;
            }
        }
        throw new IllegalStateException("corner is not under the primary figure");
    }

    /** From {@code from} down to a leaf, each step to the child whose figure (at the corner elsewhere) is largest. */
    private List<Integer> greedyChain(LinkedFigures.Population population, int d, int from, int[] corner) {
        List<Integer> chain = new ArrayList<>();
        Hierarchy hierarchy = population.dimensions.get(d);
        int code = from;
        chain.add(code);
        int[] codes = corner.clone();
        while (!hierarchy.isLeaf(population.codes.get(d).get(code))) {
            int bestChild = -1;
            long bestValue = -1;
            for (String child : hierarchy.childrenOf(population.codes.get(d).get(code))) {
                int c = population.codeIndex.get(d).get(child);
                codes[d] = c;
                long v = valueAt(population, codes);
                if (v > bestValue) {
                    bestValue = v;
                    bestChild = c;
                }
            }
            code = bestChild;
            chain.add(code);
        }
        return chain;
    }

    /**
     * The leaf combination under the primary figure to which its moves descend: in the primary's table, the largest
     * leaf cell under it that the viewer does not know; in dimensions the table lacks, the largest child step by step.
     */
    private int[] corner(int primary) {
        LinkedFigures.Population population = figures.populations.get(figures.populationOf[primary]);
        int[] codes = figures.codesOf.get(primary);
        LinkedFigures.Table table = tableOf(primary);
        int n = table.size.length;
        List<List<Integer>> leaves = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            int pd = table.populationDimension[d];
            leaves.add(leavesUnder(population, pd, codes[pd]));
        }
        int[] position = new int[n];
        int[] cellCodes = new int[n];
        int[] bestCodes = null;
        long bestValue = -1;
        while (true) {
            for (int d = 0; d < n; d++) {
                cellCodes[d] = leaves.get(d).get(position[d]);
            }
            int f = table.figureOfCell[table.cellIndex(cellCodes)];
            if (!known[f] && figures.value[f] > bestValue) {
                bestValue = figures.value[f];
                bestCodes = cellCodes.clone();
            }
            int d = n - 1;
            while (d >= 0 && ++position[d] == leaves.get(d).size()) {
                position[d] = 0;
                d--;
            }
            if (d < 0) {
                break;
            }
        }
        int[] corner = codes.clone();
        if (bestCodes != null) {
            for (int d = 0; d < n; d++) {
                corner[table.populationDimension[d]] = bestCodes[d];
            }
        }
        // Dimensions the primary's table lacks: walk down from their total in a table that has them.
        for (int d = 0; d < corner.length; d++) {
            if (inTable(table, d)) {
                continue;
            }
            LinkedFigures.Table other = null;
            for (LinkedFigures.Table t : figures.tables) {
                if (t.population == population && inTable(t, d)) {
                    other = t;
                    break;
                }
            }
            int[] probe = new int[corner.length];
            for (int e = 0; e < corner.length; e++) {
                probe[e] = other != null && inTable(other, e) && (inTable(table, e) || e < d) ? corner[e] : 0;
            }
            List<Integer> down = greedyChain(population, d, 0, probe);
            corner[d] = down.get(down.size() - 1);
        }
        return corner;
    }

    private static boolean inTable(LinkedFigures.Table table, int populationDimension) {
        for (int td : table.populationDimension) {
            if (td == populationDimension) {
                return true;
            }
        }
        return false;
    }

    private LinkedFigures.Table tableOf(int figure) {
        Cell cell = figures.cellsOf.get(figure).get(0);
        for (LinkedFigures.Table table : figures.tables) {
            if (table.source.id().equals(cell.tableId())) {
                return table;
            }
        }
        throw new IllegalStateException("no table for " + cell);
    }

    private static List<Integer> leavesUnder(LinkedFigures.Population population, int d, int code) {
        Hierarchy hierarchy = population.dimensions.get(d);
        List<Integer> leaves = new ArrayList<>();
        List<String> stack = new ArrayList<>(List.of(population.codes.get(d).get(code)));
        while (!stack.isEmpty()) {
            String c = stack.remove(stack.size() - 1);
            if (hierarchy.isLeaf(c)) {
                leaves.add(population.codeIndex.get(d).get(c));
            } else {
                stack.addAll(hierarchy.childrenOf(c));
            }
        }
        return leaves;
    }

    /** The value of the figure with these codes, or 0 when no linked table publishes that combination. */
    private long valueAt(LinkedFigures.Population population, int[] codes) {
        long key = 0;
        for (int d = 0; d < codes.length; d++) {
            key += codes[d] * population.radix[d];
        }
        Integer f = population.figureByKey.get(key);
        if (f != null) {
            return figures.value[f];
        }
        // Not published at this detail (no table crosses these dimensions): judge by the dimension's own margin.
        return 0;
    }

    /** Last resort, never needed when a tower exists: nothing of the population but zeros and known figures shows. */
    private void suppressEverythingUnknown(LinkedFigures.Population population) {
        int p = figures.populations.indexOf(population);
        for (int f = 0; f < status.length; f++) {
            if (figures.populationOf[f] == p && status[f] == CellStatus.PUBLISHED && !known[f] && figures.value[f] > 0) {
                status[f] = CellStatus.COMPLEMENTARY;
            }
        }
    }
}
