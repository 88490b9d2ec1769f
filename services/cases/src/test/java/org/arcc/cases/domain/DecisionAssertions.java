package org.arcc.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.arcc.vocabulary.ProblemType;

/** Assertions on what a rule decided, for the rules' unit tests. */
public final class DecisionAssertions {

    private DecisionAssertions() {
    }

    /** The decision took the step; returns what happened. */
    public static <T> T taken(Decision<T> decision) {
        assertThat(decision).isInstanceOf(Decision.Taken.class);
        return ((Decision.Taken<T>) decision).outcome();
    }

    /** The decision refused the step with this problem type and a detail containing the words. */
    public static void refused(Decision<?> decision, ProblemType type, String detailContains) {
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        Decision.Refused<?> refused = (Decision.Refused<?>) decision;
        assertThat(refused.type()).isEqualTo(type);
        assertThat(refused.detail()).contains(detailContains);
    }
}
