package org.arcc.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The audit: the tightest bounds an attacker can derive for each suppressed cell from everything published.
 *
 * <p>The attacker knows every published figure of every linked table, every figure the viewer knows
 * ({@code knownToViewer}), that all counts are whole and non-negative, that a published table never suppresses a
 * 0 (so a suppressed figure is at least 1), and every additivity equation (leaves to subtotals to totals, in every
 * dimension, shared margins between tables of one population). For each suppressed figure it solves two linear
 * programs — minimise and maximise the figure subject to all that. Suppressed figures fall into independent groups
 * (those linked by equations); each group is solved on its own, by {@link SimplexBounds} (one phase 1 per group,
 * then warm-started optimisations); Apache Commons Math's {@code SimplexSolver} gives the same bounds from scratch
 * ({@code AttackerSolverAgreementTest}) but is far too slow for a year of linked tables.
 */
public final class Attacker {

    private Attacker() {
    }

    /** The attacker's tightest bounds; {@code upper} is +∞ when nothing published caps the figure. */
    public record Interval(double lower, double upper) {
        public double width() {
            return upper - lower;
        }
    }

    public static Map<Cell, Interval> bounds(List<CountTable> tables, Disclosure disclosure, Predicate<Cell> knownToViewer) {
        return bounds(tables, disclosure, knownToViewer, false);
    }

    /**
     * The suppressed cells whose attacker's bounds are narrower than {@code rule} requires (empty when the
     * publication is safe for this viewer), with those bounds.
     */
    public static Map<Cell, Interval> unprotected(List<CountTable> tables, Disclosure disclosure,
                                                  Predicate<Cell> knownToViewer, DisclosureRule rule) {
        Map<String, CountTable> byId = new HashMap<>();
        tables.forEach(table -> byId.put(table.id(), table));
        Map<Cell, Interval> unprotected = new LinkedHashMap<>();
        bounds(tables, disclosure, knownToViewer).forEach((cell, interval) -> {
            long value = byId.get(cell.tableId()).value(cell.codes());
            if (!rule.protects(disclosure.status(cell), value, interval.lower(), interval.upper())) {
                unprotected.put(cell, interval);
            }
        });
        return unprotected;
    }

    /** The same bounds, each linear program solved from scratch by Commons Math's {@code SimplexSolver} (slow). */
    static Map<Cell, Interval> boundsByCommonsMath(List<CountTable> tables, Disclosure disclosure,
                                                   Predicate<Cell> knownToViewer) {
        return bounds(tables, disclosure, knownToViewer, true);
    }

    private static Map<Cell, Interval> bounds(List<CountTable> tables, Disclosure disclosure,
                                              Predicate<Cell> knownToViewer, boolean commonsMath) {
        LinkedFigures figures = new LinkedFigures(tables);
        int n = figures.figureCount();
        // A figure is unknown to the attacker only if no table publishes it and the viewer does not know it.
        boolean[] unknown = new boolean[n];
        for (int f = 0; f < n; f++) {
            boolean hidden = true;
            for (Cell cell : figures.cellsOf.get(f)) {
                hidden &= disclosure.suppressed(cell) && !knownToViewer.test(cell);
            }
            unknown[f] = hidden;
        }
        // Groups of unknown figures linked by equations (union-find).
        int[] parent = new int[n];
        for (int f = 0; f < n; f++) {
            parent[f] = f;
        }
        for (int[] equation : figures.equations) {
            int first = -1;
            for (int f : equation) {
                if (unknown[f]) {
                    if (first < 0) {
                        first = f;
                    } else {
                        parent[find(parent, f)] = find(parent, first);
                    }
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int f = 0; f < n; f++) {
            if (unknown[f]) {
                groups.computeIfAbsent(find(parent, f), r -> new ArrayList<>()).add(f);
            }
        }
        Map<Integer, List<int[]>> equationsOfGroup = new HashMap<>();
        for (int[] equation : figures.equations) {
            for (int f : equation) {
                if (unknown[f]) {
                    equationsOfGroup.computeIfAbsent(find(parent, f), r -> new ArrayList<>()).add(equation);
                    break;
                }
            }
        }
        Map<Cell, Interval> bounds = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Integer>> group : groups.entrySet()) {
            double[][] interval = solve(figures, unknown, group.getValue(),
                    equationsOfGroup.getOrDefault(group.getKey(), List.of()), commonsMath);
            List<Integer> members = group.getValue();
            for (int i = 0; i < members.size(); i++) {
                for (Cell cell : figures.cellsOf.get(members.get(i))) {
                    if (disclosure.suppressed(cell)) {
                        bounds.put(cell, new Interval(interval[i][0], interval[i][1]));
                    }
                }
            }
        }
        // Suppressed cells the viewer knows anyway: exact.
        for (Cell cell : disclosure.suppressedCells()) {
            if (!bounds.containsKey(cell)) {
                long v = figures.value[figures.figureOfCell.get(cell)];
                bounds.put(cell, new Interval(v, v));
            }
        }
        return bounds;
    }

    /** Bounds of each member: variables y = x − 1 ≥ 0, one equality per equation touching the group. */
    private static double[][] solve(LinkedFigures figures, boolean[] unknown, List<Integer> members,
                                    List<int[]> equations, boolean commonsMath) {
        int size = members.size();
        Map<Integer, Integer> column = new HashMap<>();
        for (int i = 0; i < size; i++) {
            column.put(members.get(i), i);
        }
        List<LinearConstraint> constraints = new ArrayList<>(equations.size());
        SimplexBounds simplex = new SimplexBounds(size);
        for (int[] equation : equations) {
            double[] coefficients = new double[size];
            double rhs = 0;
            for (int j = 0; j < equation.length; j++) {
                int f = equation[j];
                double sign = j == 0 ? 1 : -1;
                if (unknown[f]) {
                    coefficients[column.get(f)] += sign;
                    rhs -= sign; // x = y + 1
                } else {
                    rhs -= sign * figures.value[f];
                }
            }
            constraints.add(new LinearConstraint(coefficients, Relationship.EQ, rhs));
            simplex.equation(coefficients, rhs);
        }
        if (!commonsMath) {
            double[][] ranges = simplex.ranges();
            for (double[] range : ranges) {
                range[0] += 1;
                range[1] += 1;
            }
            return ranges;
        }
        LinearConstraintSet constraintSet = new LinearConstraintSet(constraints);
        double[][] bounds = new double[size][2];
        for (int i = 0; i < size; i++) {
            double[] objective = new double[size];
            objective[i] = 1;
            bounds[i][0] = 1 + optimum(objective, constraintSet, GoalType.MINIMIZE);
            bounds[i][1] = 1 + optimum(objective, constraintSet, GoalType.MAXIMIZE);
        }
        return bounds;
    }

    private static double optimum(double[] objective, LinearConstraintSet constraints, GoalType goal) {
        if (constraints.getConstraints().isEmpty()) {
            return goal == GoalType.MINIMIZE ? 0 : Double.POSITIVE_INFINITY;
        }
        try {
            PointValuePair solution = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(1_000_000),
                    new LinearObjectiveFunction(objective, 0), constraints, goal, new NonNegativeConstraint(true));
            return solution.getValue();
        } catch (UnboundedSolutionException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private static int find(int[] parent, int f) {
        while (parent[f] != f) {
            parent[f] = parent[parent[f]];
            f = parent[f];
        }
        return f;
    }

}
