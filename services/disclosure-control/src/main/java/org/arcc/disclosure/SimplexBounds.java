package org.arcc.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * The range of every variable over a polyhedron {@code A y = b, y ≥ 0}: a dense two-phase simplex (tableau form)
 * that finds a feasible basis once, then minimises and maximises each variable in turn starting from the last
 * optimal basis. Solving 2n linear programs from scratch (what a general solver such as Commons Math's
 * {@code SimplexSolver} does per call) costs a phase 1 each; here each one costs a few pivots. Degenerate pivots
 * switch to Bland's rule, so it never cycles. {@code AttackerSolverAgreementTest} checks it against Commons Math.
 */
final class SimplexBounds {

    private static final double EPS = 1e-9;

    private final int n;
    private final List<double[]> rows = new ArrayList<>();
    private double[][] tableau;
    private int[] basis;
    private int m;

    /** @param n number of variables */
    SimplexBounds(int n) {
        this.n = n;
    }

    /** Adds the equation {@code Σ coefficients[j]·y[j] = rhs}. */
    void equation(double[] coefficients, double rhs) {
        double[] row = new double[n + 1];
        System.arraycopy(coefficients, 0, row, 0, n);
        row[n] = rhs;
        rows.add(row);
    }

    /** Per variable {min, max}; max is +∞ when unbounded. Throws when the equations have no solution y ≥ 0. */
    double[][] ranges() {
        double[][] ranges = new double[n][2];
        if (rows.isEmpty()) {
            for (double[] range : ranges) {
                range[1] = Double.POSITIVE_INFINITY;
            }
            return ranges;
        }
        phaseOne();
        for (int k = 0; k < n; k++) {
            ranges[k][0] = optimise(k, 1);
            double max = optimise(k, -1);
            ranges[k][1] = Double.isInfinite(max) ? Double.POSITIVE_INFINITY : -max;
        }
        return ranges;
    }

    private void phaseOne() {
        m = rows.size();
        int width = n + m + 1;
        tableau = new double[m + 1][width];
        basis = new int[m];
        for (int i = 0; i < m; i++) {
            double[] row = rows.get(i);
            double sign = row[n] < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                tableau[i][j] = sign * row[j];
            }
            tableau[i][n + i] = 1;
            tableau[i][width - 1] = sign * row[n];
            basis[i] = n + i;
        }
        // Cost row: minimise the sum of the artificial variables.
        double[] cost = tableau[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                cost[j] -= tableau[i][j];
            }
            cost[width - 1] -= tableau[i][width - 1];
        }
        if (!iterate(n + m)) {
            throw new IllegalStateException("phase 1 cannot be unbounded");
        }
        if (-cost[width - 1] > 1e-6) {
            throw new IllegalArgumentException("the published figures are inconsistent: no table fits them");
        }
        // Drive artificial variables out of the basis; a row where that is impossible is redundant.
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (basis[i] >= n) {
                int column = -1;
                for (int j = 0; j < n; j++) {
                    if (Math.abs(tableau[i][j]) > 1e-7) {
                        column = j;
                        break;
                    }
                }
                if (column < 0) {
                    continue;
                }
                pivot(i, column, n + m);
            }
            keep.add(i);
        }
        double[][] reduced = new double[keep.size() + 1][n + 1];
        int[] reducedBasis = new int[keep.size()];
        for (int r = 0; r < keep.size(); r++) {
            int i = keep.get(r);
            System.arraycopy(tableau[i], 0, reduced[r], 0, n);
            reduced[r][n] = tableau[i][width - 1];
            reducedBasis[r] = basis[i];
        }
        tableau = reduced;
        basis = reducedBasis;
        m = keep.size();
    }

    /** Minimises {@code sign · y[k]} from the current feasible basis; returns the minimum, or +∞ if unbounded. */
    private double optimise(int k, int sign) {
        double[] cost = tableau[m];
        java.util.Arrays.fill(cost, 0);
        cost[k] = sign;
        for (int i = 0; i < m; i++) {
            if (basis[i] == k) {
                for (int j = 0; j <= n; j++) {
                    cost[j] -= sign * tableau[i][j];
                }
            }
        }
        if (!iterate(n)) {
            return Double.POSITIVE_INFINITY;
        }
        return -cost[n];
    }

    /** Pivots until no column below {@code columns} improves the cost row; false when unbounded. */
    private boolean iterate(int columns) {
        int rhs = tableau[0].length - 1;
        double[] cost = tableau[m];
        int degenerate = 0;
        while (true) {
            boolean bland = degenerate > 20;
            int entering = -1;
            double best = -EPS;
            for (int j = 0; j < columns; j++) {
                if (cost[j] < best) {
                    entering = j;
                    if (bland) {
                        break;
                    }
                    best = cost[j];
                }
            }
            if (entering < 0) {
                return true;
            }
            int leaving = -1;
            double ratio = Double.POSITIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double a = tableau[i][entering];
                if (a > EPS) {
                    double r = tableau[i][rhs] / a;
                    if (r < ratio - EPS || (r <= ratio + EPS && leaving >= 0 && basis[i] < basis[leaving])) {
                        ratio = r;
                        leaving = i;
                    }
                }
            }
            if (leaving < 0) {
                return false;
            }
            degenerate = ratio <= EPS ? degenerate + 1 : 0;
            pivot(leaving, entering, columns);
        }
    }

    private void pivot(int row, int column, int columns) {
        int rhs = tableau[0].length - 1;
        double[] pivotRow = tableau[row];
        double p = pivotRow[column];
        for (int j = 0; j <= rhs; j++) {
            pivotRow[j] /= p;
        }
        pivotRow[column] = 1;
        for (int i = 0; i <= m; i++) {
            if (i == row) {
                continue;
            }
            double[] r = tableau[i];
            double factor = r[column];
            if (factor == 0) {
                continue;
            }
            for (int j = 0; j <= rhs; j++) {
                double v = pivotRow[j];
                if (v != 0) {
                    r[j] -= factor * v;
                }
            }
            r[column] = 0;
            if (i < m && r[rhs] < 0 && r[rhs] > -1e-9) {
                r[rhs] = 0;
            }
        }
        basis[row] = column;
    }
}
