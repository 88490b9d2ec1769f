package org.arcc.local;

/** The platform cannot start: the message says which component, why, and where its log is. */
final class PlatformException extends RuntimeException {

    PlatformException(String message) {
        super(message, null, false, false);
    }
}
