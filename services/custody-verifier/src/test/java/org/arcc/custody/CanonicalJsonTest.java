package org.arcc.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CanonicalJsonTest {

    @Test
    void objectKeysAreSortedByUtf16CodeUnitsAtEveryLevel() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 1);
        inner.put("a", 2);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("z", inner);
        value.put("\u00e9", "e-acute");            // U+00E9
        value.put("\ud83d\ude00", "emoji");        // U+1F600 as the surrogate pair D83D DE00
        value.put("\ufb01", "ligature");           // U+FB01: before U+1F600 in code points, after it in UTF-16 units (FB01 > D83D)
        value.put("A", true);
        value.put("1", null);
        // UTF-16 order: "1" (31) < "A" (41) < "z" (7A) < U+00E9 < U+D83D.. < U+FB01
        assertThat(CanonicalJson.encode(value)).isEqualTo(
                "{\"1\":null,\"A\":true,\"z\":{\"a\":2,\"b\":1},\"\u00e9\":\"e-acute\",\"\ud83d\ude00\":\"emoji\",\"\ufb01\":\"ligature\"}");
    }

    @Test
    void rfc8785SortingExampleKeysComeOutInTheRfcOrder() {
        // RFC 8785 §3.2.3: the keys "\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6" sort as below.
        Map<String, Object> value = new LinkedHashMap<>();
        for (String key : List.of("\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6")) {
            value.put(key, key.length());
        }
        assertThat(CanonicalJson.encode(value)).isEqualTo(
                "{\"\\r\":1,\"1\":1,\"\u0080\":1,\"\u00f6\":1,\"\u20ac\":1,\"\ud83d\ude00\":2,\"\ufb33\":1}");
    }

    @Test
    void stringsAreEscapedAsJcsDoes() {
        String raw = "quote\" backslash\\ slash/ \b\f\n\r\t \u0000\u0001\u001f \u007f é ü 🙂 اردو";
        assertThat(CanonicalJson.encode(raw)).isEqualTo(
                "\"quote\\\" backslash\\\\ slash/ \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f \u007f é ü 🙂 اردو\"");
    }

    @Test
    void integersAndLiteralsAreWrittenPlainly() {
        assertThat(CanonicalJson.encode(List.of(0, -1, 42L, Long.valueOf(CanonicalJson.MAX_SAFE_INTEGER), true, false)))
                .isEqualTo("[0,-1,42,9007199254740991,true,false]");
        assertThat(CanonicalJson.encode(Map.of())).isEqualTo("{}");
        assertThat(CanonicalJson.encode(List.of())).isEqualTo("[]");
        assertThat(CanonicalJson.encode(null)).isEqualTo("null");
    }

    @Test
    void floatingPointAndOtherTypesAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.encode(1.5d)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integers only");
        assertThatThrownBy(() -> CanonicalJson.encode(List.of(1.0f))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$[0]");
        assertThatThrownBy(() -> CanonicalJson.encode(Map.of("x", new BigDecimal("1")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.x");
        assertThatThrownBy(() -> CanonicalJson.encode(BigInteger.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(1L << 53)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^53");
        assertThatThrownBy(() -> CanonicalJson.encode(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.encode("lone \ud800 surrogate")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseBuildsOrderedMapsListsLongsAndStrings() {
        Object parsed = CanonicalJson.parse(" {\"b\": [1, -20, true, false, null, \"x\\u00e9\\n\\ud83d\\ude00\\/\"], \"a\": {}} ");
        assertThat(parsed).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        assertThat(map.keySet()).containsExactly("b", "a");
        assertThat(map.get("b")).isInstanceOf(ArrayList.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) map.get("b");
        assertThat(list).containsExactly(1L, -20L, true, false, null, "x\u00e9\n\ud83d\ude00/");
    }

    @Test
    void parseRefusesWhatCanonicalJsonCannotHoldAndSaysWhere() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1.5}")).hasMessageContaining("position 5").hasMessageContaining("fraction");
        assertThatThrownBy(() -> CanonicalJson.parse("[1e3]")).hasMessageContaining("exponent");
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate key \"a\"")
                .hasMessageContaining("position 7");
        assertThatThrownBy(() -> CanonicalJson.parse("{} x")).hasMessageContaining("after the JSON value").hasMessageContaining("position 3");
        assertThatThrownBy(() -> CanonicalJson.parse("[1,]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.parse("[01]")).hasMessageContaining("leading zero");
        assertThatThrownBy(() -> CanonicalJson.parse("99999999999999999999")).hasMessageContaining("too large");
        assertThatThrownBy(() -> CanonicalJson.parse("\"a\u0001\"")).hasMessageContaining("control character");
        assertThatThrownBy(() -> CanonicalJson.parse("\"\\ud800\"")).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> CanonicalJson.parse("\"\\x\"")).hasMessageContaining("invalid escape");
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\" 1}")).hasMessageContaining("expected ':'");
        assertThatThrownBy(() -> CanonicalJson.parse("\n\n  tru")).hasMessageContaining("line 3, column 3");
        assertThatThrownBy(() -> CanonicalJson.parse("")).hasMessageContaining("end of JSON text");
        assertThatThrownBy(() -> CanonicalJson.parse("[".repeat(10_000))).hasMessageContaining("nested deeper");
    }

    @Test
    void parsedCanonicalTextReEncodesToItselfAndSortedTextIsStable() {
        String canonical = "{\"action\":\"TRANSFERRED\",\"details\":{\"courier\":\"hc.imran.ali\",\"note\":\"tab\\there \\\"q\\\" \\u001f\","
                + "\"to\":\"PFSA\"},\"itemId\":\"item-1\",\"previousHash\":\"ab\",\"recordedAt\":\"2026-03-02T09:17:00Z\","
                + "\"recordedBy\":\"dr.ayesha.khan\",\"sequence\":3}";
        assertThat(CanonicalJson.encode(CanonicalJson.parse(canonical))).isEqualTo(canonical);
        String shuffled = "{ \"sequence\": 3, \"recordedBy\": \"dr.ayesha.khan\", \"recordedAt\": \"2026-03-02T09:17:00Z\", "
                + "\"previousHash\": \"ab\", \"itemId\": \"item-1\", \"details\": {\"to\": \"PFSA\", \"note\": "
                + "\"tab\\u0009here \\\"q\\\" \\u001F\", \"courier\": \"hc.imran.ali\"}, \"action\": \"TRANSFERRED\" }";
        assertThat(CanonicalJson.encode(CanonicalJson.parse(shuffled))).isEqualTo(canonical);
    }

    @Test
    void hexRoundTripsAndRefusesBadInput() {
        byte[] bytes = {0, 1, (byte) 0xab, (byte) 0xff, 0x10};
        assertThat(Hashes.hex(bytes)).isEqualTo("0001abff10");
        assertThat(Hashes.unhex("0001ABff10")).isEqualTo(bytes);
        assertThat(Arrays.equals(Hashes.unhex(""), new byte[0])).isTrue();
        assertThatThrownBy(() -> Hashes.unhex("abc")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd");
        assertThatThrownBy(() -> Hashes.unhex("zz")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 0");
        assertThatThrownBy(() -> Hashes.unhex("0\u0661")).isInstanceOf(IllegalArgumentException.class); // Arabic-Indic one
        assertThatThrownBy(() -> Hashes.unhex(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leafAndNodeHashesUseTheirDomainPrefixes() {
        // sha256(0x00) and sha256(0x01 || 32 zero bytes || 32 zero bytes), computed independently with sha256sum
        assertThat(Hashes.hex(Hashes.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(Hashes.hex(Hashes.nodeHash(new byte[32], new byte[32])))
                .isEqualTo("ae0798d0ecaed2b778eddebf18f071a561c53658c05e76cedecc27cafbdbc577");
    }
}
