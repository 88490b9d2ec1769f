package org.arcc.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The examples of RFC 8785 (JSON Canonicalization Scheme) against {@link CanonicalJson}. The custody format
 * holds integers only, so the RFC's fractional and huge numbers must be refused (never written differently
 * from JCS), and every integer it does hold must come out exactly as JCS writes it.
 */
@Tag("unit")
class CanonicalJsonRfc8785Test {

    private static String canonical(String json) {
        return CanonicalJson.encode(CanonicalJson.parse(json));
    }

    /** RFC 8785 §3.2.2, the example's "string" and "literals" members (its "numbers" are fractions: see below). */
    @Test
    void theRfcExampleStringAndLiteralsComeOutAsInTheRfc() {
        String input = "{\n  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        String expected = "{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(canonical(input)).isEqualTo(expected);
    }

    /** RFC 8785 §3.2.4: the UTF-8 bytes of the example's output, as the RFC prints them (without the numbers). */
    @Test
    void theRfcExampleIsHashedAsTheseUtf8Bytes() {
        String input = "{\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\"literals\":[null,true,false]}";
        String hex = "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c" // {"literals":[null,true,false],
                + "22737472696e67223a22" // "string":"
                + "e282ac24" + "5c7530303066" + "5c6e" + "412742" + "5c22" + "5c5c5c5c" + "5c22" + "2f" + "227d";
        assertThat(HexFormat.of().formatHex(canonical(input).getBytes(StandardCharsets.UTF_8))).isEqualTo(hex);
    }

    /** RFC 8785 §3.2.3: keys sort by UTF-16 code units, so U+1F600 (D83D DE00) comes before U+FB33. */
    @Test
    void theRfcSortingExampleComesOutInTheRfcOrder() {
        String input = "{\n  \"\\u20ac\": \"Euro Sign\",\n  \"\\r\": \"Carriage Return\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n  \"1\": \"One\",\n"
                + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n  \"\\u0080\": \"Control\",\n"
                + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n}";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    /** RFC 8785 Appendix B: the IEEE 754 values whose JCS form is an integer custody JSON can hold. */
    @Test
    void appendixBIntegersAreWrittenAsJcsWritesThem() {
        assertThat(CanonicalJson.encode(List.of((long) Double.longBitsToDouble(0x0000000000000000L),
                (long) Double.longBitsToDouble(0x433fffffffffffffL), (long) Double.longBitsToDouble(0xc33fffffffffffffL))))
                .isEqualTo("[0,9007199254740991,-9007199254740991]");
    }

    /** RFC 8785 Appendix B: every other value is refused rather than written in a form JCS might not share. */
    @Test
    void appendixBNonIntegersAndUnsafeIntegersAreRefused() {
        long[] bits = { 0x0000000000000001L, 0x8000000000000001L, 0x7fefffffffffffffL, 0xffefffffffffffffL,
                0x4340000000000000L, 0x4430000000000000L, 0x44b52d02c7e14af5L, 0x44b52d02c7e14af6L,
                0x44b52d02c7e14af7L, 0x444b1ae4d6e2ef4eL, 0x3eb0c6f7a0b5ed8dL, 0x3eb0c6f7a0b5ed8cL,
                0x41b3de4355555553L, 0x41b3de4355555554L, 0x41b3de4355555555L, 0x41b3de4355555556L,
                0x41b3de4355555557L, 0xbecbf647612f3696L, 0x43143ff3c1cb0959L };
        for (long b : bits) {
            double d = Double.longBitsToDouble(b);
            assertThatThrownBy(() -> CanonicalJson.encode(d)).as("%016x", b).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CanonicalJson.encode(9007199254740992L)).hasMessageContaining("2^53");
        for (String number : List.of("333333333.33333329", "1E30", "4.50", "2e-3", "0.000000000000000000000000001")) {
            assertThatThrownBy(() -> CanonicalJson.parse("[" + number + "]")).as(number)
                    .hasMessageContaining("only integers are allowed");
        }
    }
}
