package org.arcc.custody;

import java.util.Objects;

/** One thing the verifier found, naming the entry (sequence and leaf index) when one entry is at fault. */
public record Finding(Severity severity, Long sequence, Long leafIndex, String message) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return severity + ": " + message;
    }
}
