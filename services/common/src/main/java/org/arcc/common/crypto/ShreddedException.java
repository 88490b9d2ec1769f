package org.arcc.common.crypto;

/** The data key of a record was destroyed: what it encrypted can never be read again. */
public class ShreddedException extends RuntimeException {

    public ShreddedException(String message) {
        super(message, null, false, false);
    }
}
