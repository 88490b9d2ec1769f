package org.arcc.evidence.domain;

import java.util.regex.Pattern;

/**
 * Who holds an item: a cell ({@code cell:KHI}) or a custodian organisation ({@code custodian:pfsa-lhe}).
 * Holders are organisations, never people; the person who acted is in the entry's {@code recordedBy}.
 */
public record Holder(Kind kind, String id) {

    public enum Kind {
        CELL, CUSTODIAN
    }

    public static final String PATTERN = "^(cell:[A-Z0-9-]{2,12}|custodian:[a-z0-9-]{2,64})$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public static Holder cell(String code) {
        return new Holder(Kind.CELL, code);
    }

    public static Holder custodian(String id) {
        return new Holder(Kind.CUSTODIAN, id);
    }

    /** Parses {@code cell:KHI} or {@code custodian:pfsa-lhe}; null when it is neither. */
    public static Holder parse(String text) {
        if (text == null || !VALID.matcher(text).matches()) {
            return null;
        }
        int colon = text.indexOf(':');
        return new Holder(text.startsWith("cell:") ? Kind.CELL : Kind.CUSTODIAN, text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return (kind == Kind.CELL ? "cell:" : "custodian:") + id;
    }
}
