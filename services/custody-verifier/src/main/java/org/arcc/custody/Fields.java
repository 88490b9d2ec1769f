package org.arcc.custody;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Typed reads from parsed JSON objects that say which field of which object is missing or of the wrong type. */
final class Fields {

    private Fields() {
    }

    static Object required(Map<String, Object> json, String field, String where) {
        if (!json.containsKey(field) || json.get(field) == null) {
            throw new IllegalArgumentException(where + "." + field + " is missing");
        }
        return json.get(field);
    }

    static String string(Map<String, Object> json, String field, String where) {
        Object value = required(json, field, where);
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(where + "." + field + " must be a string, was " + describe(value));
        }
        return s;
    }

    static long integer(Map<String, Object> json, String field, String where) {
        Object value = required(json, field, where);
        if (!(value instanceof Long || value instanceof Integer)) {
            throw new IllegalArgumentException(where + "." + field + " must be an integer, was " + describe(value));
        }
        return ((Number) value).longValue();
    }

    static byte[] hash(Map<String, Object> json, String field, String where) {
        String hex = string(json, field, where);
        byte[] hash;
        try {
            hash = Hashes.unhex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "." + field + " is not hex: " + e.getMessage());
        }
        if (hash.length != Hashes.LENGTH) {
            throw new IllegalArgumentException(where + "." + field + " must be " + Hashes.LENGTH * 2 + " hex digits, was "
                    + hex.length());
        }
        return hash;
    }

    static byte[] base64(Map<String, Object> json, String field, String where) {
        String text = string(json, field, where);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "." + field + " is not base64: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> json, String field, String where) {
        Object value = required(json, field, where);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + "." + field + " must be an object, was " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    static List<Object> array(Map<String, Object> json, String field, String where) {
        Object value = required(json, field, where);
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + "." + field + " must be an array, was " + describe(value));
        }
        return new ArrayList<>(list);
    }

    static List<String> strings(Map<String, Object> json, String field, String where) {
        List<Object> values = array(json, field, where);
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (!(values.get(i) instanceof String s)) {
                throw new IllegalArgumentException(where + "." + field + "[" + i + "] must be a string, was "
                        + describe(values.get(i)));
            }
            out.add(s);
        }
        return out;
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return value.getClass().getSimpleName();
    }
}
