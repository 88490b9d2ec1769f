package org.arcc.common.kafka;

/**
 * The innermost cause of a failure of the event backbone (the broker's own error under the client's
 * wrappers): what the relay logs and what a dead letter records.
 */
public final class RootCause {

    private RootCause() {
    }

    /** The innermost cause; the failure itself when it has none, never null. */
    public static Throwable of(Throwable failure) {
        Throwable root = failure;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? new IllegalStateException("unknown") : root;
    }

    /** {@code SimpleName: message} of the innermost cause, for a log line. */
    public static String describe(Throwable failure) {
        Throwable root = of(failure);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
