package org.arcc.custody;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hash functions of the log (RFC 9162 §2.1.1): a leaf is hashed with a 0x00 prefix and an inner node
 * with a 0x01 prefix, so that a leaf can never be passed off as an inner node (second pre-image attack).
 * Hashes travel as lowercase hex.
 */
public final class Hashes {

    /** Length in bytes of every hash in the log. */
    public static final int LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Hashes() {
    }

    /** SHA-256(0x00 || data). */
    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** SHA-256 of the empty string: the root of the empty tree. */
    public static byte[] emptyTreeHash() {
        return sha256().digest();
    }

    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0x0f];
            out[2 * i + 1] = HEX[bytes[i] & 0x0f];
        }
        return new String(out);
    }

    /** Parses hex (either case); rejects null, odd length and non-hex characters. */
    public static byte[] unhex(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("hex string is missing");
        }
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex string has an odd number of digits (" + hex.length() + ")");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(hex, 2 * i) << 4) | digit(hex, 2 * i + 1));
        }
        return out;
    }

    // Not Character.digit: that also accepts Arabic-Indic and full-width digits.
    private static int digit(String hex, int position) {
        char c = hex.charAt(position);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("not a hex digit at position " + position + ": '" + c + "'");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
