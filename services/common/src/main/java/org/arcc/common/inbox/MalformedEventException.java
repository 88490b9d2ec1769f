package org.arcc.common.inbox;

/** A record that cannot be read as an event at all; retrying cannot help, so it goes to the DLQ at once. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
