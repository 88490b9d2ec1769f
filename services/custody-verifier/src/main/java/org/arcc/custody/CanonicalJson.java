package org.arcc.custody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The subset of the JSON Canonicalization Scheme (RFC 8785) that custody entries need: objects with keys sorted
 * by UTF-16 code units, no whitespace, integers only, strings escaped exactly as JCS does. Two programs that
 * agree on the entry agree byte for byte on its canonical text, and so on its hash.
 *
 * <p>Integers are limited to ±(2^53 − 1): JCS writes numbers as IEEE doubles, so a bigger integer would not
 * survive another JCS implementation unchanged. Floating point is rejected outright rather than risk two
 * implementations formatting it differently.
 *
 * <p>{@link #parse} is a strict reader for the same data model and is also what the command-line verifier reads
 * bundles with.
 */
public final class CanonicalJson {

    /** Largest integer every JCS implementation writes exactly (2^53 − 1). */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private static final int MAX_DEPTH = 256;

    private CanonicalJson() {
    }

    /**
     * Canonical text of a {@code Map<String,?>}, {@code List<?>}, {@code String}, {@code Long}, {@code Integer},
     * {@code Boolean} or {@code null}, nested freely.
     *
     * @throws IllegalArgumentException for anything else (floating point, BigDecimal, non-string keys, lone
     *                                  surrogates, integers beyond ±(2^53 − 1))
     */
    public static String encode(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "$", 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels at " + path);
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            appendString(s, out, path);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long n = ((Number) value).longValue();
            if (n > MAX_SAFE_INTEGER || n < -MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException("integer " + n + " at " + path
                        + " is outside ±(2^53 − 1) and has no exact canonical form");
            }
            out.append(n);
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>(); // String.compareTo orders by UTF-16 code units, as JCS does
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("object key " + e.getKey() + " at " + path + " is not a string");
                }
                sorted.put(key, e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(e.getKey(), out, path);
                out.append(':');
                write(e.getValue(), out, path + "." + e.getKey(), depth + 1);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out, path + "[" + i + "]", depth + 1);
            }
            out.append(']');
        } else if (value instanceof Number) {
            throw new IllegalArgumentException("number " + value + " (" + value.getClass().getSimpleName() + ") at " + path
                    + " is not allowed: canonical custody JSON holds integers only (Long or Integer)");
        } else {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getName() + " at " + path
                    + ": only maps, lists, strings, integers, booleans and null");
        }
    }

    /** Appends {@code s} as a JSON string literal escaped as RFC 8785 §3.2.2.2 prescribes. */
    static void appendString(String s, StringBuilder out, String path) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("string at " + path + " holds a lone surrogate at char " + i
                                + ": not valid Unicode, has no UTF-8 form");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Reads JSON strictly: objects become {@link LinkedHashMap} (document order), arrays {@link ArrayList},
     * numbers {@link Long}. Rejects fractions and exponents, numbers beyond the range of long, duplicate keys,
     * unescaped control characters in strings, lone surrogate escapes and anything after the value.
     *
     * @throws IllegalArgumentException saying what is wrong and at which character position (0-based) and line
     */
    public static Object parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("no JSON text");
        }
        Parser parser = new Parser(json);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos < json.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return value;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels");
            }
            if (pos >= text.length()) {
                throw error("unexpected end of JSON text, expected a value");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character '" + printable(c) + "', expected a value");
                }
            };
        }

        private Map<String, Object> object(int depth) {
            int start = pos;
            pos++; // {
            Map<String, Object> map = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a string key in the object that starts at position " + start);
                }
                int keyAt = pos;
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Object value = value(depth + 1);
                if (map.containsKey(key)) {
                    throw errorAt(keyAt, "duplicate key \"" + key + "\" in the object that starts at position " + start);
                }
                map.put(key, value);
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == '}') {
                    pos++;
                    return map;
                } else {
                    throw error("expected ',' or '}' in the object that starts at position " + start);
                }
            }
        }

        private List<Object> array(int depth) {
            int start = pos;
            pos++; // [
            List<Object> list = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth + 1));
                skipWhitespace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == ']') {
                    pos++;
                    return list;
                } else {
                    throw error("expected ',' or ']' in the array that starts at position " + start);
                }
            }
        }

        private String string() {
            int start = pos;
            pos++; // opening quote
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw errorAt(start, "string is not closed");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw errorAt(pos - 1, "control character U+" + String.format("%04X", (int) c)
                            + " must be escaped inside a string");
                }
                if (c != '\\') {
                    if (Character.isHighSurrogate(c) && pos < text.length() && Character.isLowSurrogate(text.charAt(pos))) {
                        out.append(c).append(text.charAt(pos++));
                    } else if (Character.isSurrogate(c)) {
                        throw errorAt(pos - 1, "lone surrogate in string");
                    } else {
                        out.append(c);
                    }
                    continue;
                }
                if (pos >= text.length()) {
                    throw errorAt(start, "string is not closed");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        char u = unicodeEscape();
                        if (Character.isHighSurrogate(u)) {
                            if (pos + 1 < text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
                                pos += 2;
                                char low = unicodeEscape();
                                if (!Character.isLowSurrogate(low)) {
                                    throw errorAt(pos - 6, "high surrogate escape not followed by a low surrogate");
                                }
                                out.append(u).append(low);
                            } else {
                                throw errorAt(pos - 6, "lone surrogate escape in string");
                            }
                        } else if (Character.isLowSurrogate(u)) {
                            throw errorAt(pos - 6, "lone surrogate escape in string");
                        } else {
                            out.append(u);
                        }
                    }
                    default -> throw errorAt(pos - 2, "invalid escape '\\" + printable(e) + "' in string");
                }
            }
        }

        private char unicodeEscape() {
            if (pos + 4 > text.length()) {
                throw error("truncated \\u escape");
            }
            int value = 0;
            for (int i = 0; i < 4; i++) {
                char h = text.charAt(pos + i);
                int d = (h >= '0' && h <= '9') ? h - '0'
                        : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                        : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
                if (d < 0) {
                    throw errorAt(pos + i, "invalid hex digit '" + printable(h) + "' in \\u escape");
                }
                value = value * 16 + d;
            }
            pos += 4;
            return (char) value;
        }

        private Long number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            int digitsStart = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == digitsStart) {
                throw errorAt(start, "'-' must be followed by digits");
            }
            if (text.charAt(digitsStart) == '0' && pos - digitsStart > 1) {
                throw errorAt(start, "number has a leading zero");
            }
            if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                throw errorAt(start, "number with a fraction or exponent: only integers are allowed");
            }
            String digits = text.substring(start, pos);
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw errorAt(start, "integer " + digits + " is too large");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected text, expected '" + word + "'");
            }
            pos += word.length();
            return value;
        }

        void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end of JSON text");
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        IllegalArgumentException error(String message) {
            return errorAt(pos, message);
        }

        private IllegalArgumentException errorAt(int at, String message) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < Math.min(at, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new IllegalArgumentException("invalid JSON at position " + at + " (line " + line + ", column "
                    + (at - lineStart + 1) + "): " + message);
        }

        private static String printable(char c) {
            return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c);
        }
    }
}
