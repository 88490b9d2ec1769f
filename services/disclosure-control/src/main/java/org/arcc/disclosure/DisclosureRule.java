package org.arcc.disclosure;

/**
 * The threshold rule and the protection it requires (docs/reporting.md, "Disclosure control").
 *
 * <p>Every count from 1 to {@code k − 1} is suppressed (primary); 0 is published. A suppressed count {@code v}
 * is protected when everything published (all linked tables, all margins, any cells the viewer already knows)
 * still allows, as the attacker's tightest bounds {@code [lower, upper]}:
 * <ul>
 *   <li>a primary cell: {@code lower ≤ 1} and {@code upper ≥ k}, i.e. any value from 1 to k — the figures
 *       tell no more than "suppressed", not even whether the count is small;</li>
 *   <li>a complementary cell: {@code upper − lower ≥ 1}, i.e. never recovered exactly.</li>
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
        return status == CellStatus.PRIMARY ? Math.max(k, v + 1) : v;
    }

    /** The attacker's lower bound must be at most this for a suppressed cell of value {@code v}. */
    public long requiredLower(CellStatus status, long v) {
        return status == CellStatus.PRIMARY ? 1 : v;
    }

    /** The attacker's interval must be at least this wide for a suppressed cell of value {@code v}. */
    public long requiredWidth(CellStatus status, long v) {
        return status == CellStatus.PRIMARY ? Math.max(k, v + 1) - 1 : 1;
    }

    /** Whether the attacker's bounds leave a suppressed cell of value {@code v} protected. */
    public boolean protects(CellStatus status, long v, double lower, double upper) {
        double tolerance = 1e-6;
        return lower <= requiredLower(status, v) + tolerance
                && upper >= requiredUpper(status, v) - tolerance
                && upper - lower >= requiredWidth(status, v) - tolerance;
    }
}
