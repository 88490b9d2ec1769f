package org.arcc.disclosure;

/**
 * The threshold rule and the protection it requires (docs/reporting.md, "Disclosure control").
 *
 * <p>Every count from 1 to {@code k − 1} is suppressed (primary); 0 is published. A suppressed count {@code v}
 * is protected when the attacker's tightest bounds {@code [lower, upper]}, derived from everything published (all
 * linked tables, all margins, any cells the viewer already knows), satisfy:
 * <ul>
 *   <li>a primary cell: {@code upper ≥ k} — the figures cannot even show that the count is small — and
 *       {@code upper − lower ≥ k − 1} — at least k whole numbers remain possible, as many as "1 to k − 1" plus one,
 *       so the attacker is never closer than the label "&lt; k" already is;</li>
 *   <li>a complementary cell: {@code upper − lower ≥ 1} — never recovered exactly.</li>
 * </ul>
 *
 * @param k the threshold: counts 1 … k − 1 are suppressed (default 5)
 */
public record DisclosureRule(int k) {

    public static final int DEFAULT_K = 5;

    public DisclosureRule {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, was " + k);
        }
    }

    /** k = 5. */
    public DisclosureRule() {
        this(DEFAULT_K);
    }

    public static DisclosureRule defaults() {
        return new DisclosureRule();
    }

    /** A count that must be suppressed on its own (primary suppression). */
    public boolean isSmall(long value) {
        return value >= 1 && value < k;
    }

    /** The attacker's upper bound must reach at least this for a suppressed cell of value {@code v}. */
    public long requiredUpper(CellStatus status, long v) {
        return status == CellStatus.PRIMARY ? k : v;
    }

    /** The attacker's interval must be at least this wide for a suppressed cell. */
    public long requiredWidth(CellStatus status) {
        return status == CellStatus.PRIMARY ? k - 1 : 1;
    }

    /** Whether the attacker's bounds leave a suppressed cell of value {@code v} protected. */
    public boolean protects(CellStatus status, long v, double lower, double upper) {
        double tolerance = 1e-6;
        return lower <= v + tolerance
                && upper >= v - tolerance
                && upper >= requiredUpper(status, v) - tolerance
                && upper - lower >= requiredWidth(status) - tolerance;
    }
}
