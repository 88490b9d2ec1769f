package org.arcc.disclosure;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The audit: the tightest bounds an attacker can derive for each suppressed cell from everything published. */
public final class Attacker {

    private Attacker() {
    }

    public record Interval(double lower, double upper) {
    }

    public static Map<Cell, Interval> bounds(List<CountTable> tables, Disclosure disclosure, Predicate<Cell> knownToViewer) {
        throw new UnsupportedOperationException("the attacker's audit is not there yet");
    }
}
