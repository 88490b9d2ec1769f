package org.arcc.cases.domain;

import org.arcc.common.problem.ProblemException;
import org.arcc.vocabulary.ProblemType;

/**
 * What a rule of the case work decided: the step is taken (and the objects it was given already reflect it), or
 * it is refused and nothing changed. The service persists and publishes what a taken step returns, and answers
 * a refusal as a problem.
 *
 * @param <T> what a taken step returns
 */
public sealed interface Decision<T> {

    /** The step is taken; {@code outcome} says what happened. */
    record Taken<T>(T outcome) implements Decision<T> {
    }

    /**
     * The step is refused, nothing changed.
     *
     * @param type   the problem the caller is answered with
     * @param detail what is wrong, in words for the caller; never a survivor's identity
     */
    record Refused<T>(ProblemType type, String detail) implements Decision<T> {
    }

    static <T> Decision<T> taken(T outcome) {
        return new Taken<>(outcome);
    }

    static <T> Decision<T> refused(ProblemType type, String detail) {
        return new Refused<>(type, detail);
    }

    static <T> Decision<T> conflict(String detail) {
        return new Refused<>(ProblemType.CONFLICT, detail);
    }

    static <T> Decision<T> invalid(String detail) {
        return new Refused<>(ProblemType.VALIDATION, detail);
    }

    /** What happened, for the service; a refusal becomes the problem the caller is answered with. */
    default T orElseThrow() {
        if (this instanceof Refused<T> refused) {
            throw new ProblemException(refused.type(), refused.detail());
        }
        return ((Taken<T>) this).outcome();
    }
}
