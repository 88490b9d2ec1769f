package org.arcc.cases.domain;

import java.util.regex.Pattern;

/** A Pakistani CNIC number: 13 digits, usually written {@code 12345-1234567-1}. */
public final class Cnic {

    /** What the API accepts. */
    public static final String FORMAT = "^([0-9]{5}-[0-9]{7}-[0-9]|[0-9]{13})$";
    /** The validation message for {@link #FORMAT}; it never repeats the value it rejects. */
    public static final String FORMAT_MESSAGE = "must be 13 digits, as 12345-1234567-1";
    private static final Pattern DIGITS = Pattern.compile("[^0-9]");

    private Cnic() {
    }

    /** The 13 digits, whichever way it was written: the form blind indexes are computed on. */
    public static String normalize(String cnic) {
        return DIGITS.matcher(cnic).replaceAll("");
    }
}
