package org.arcc.custody;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys for signing checkpoints, in the encodings OpenSSL reads and writes: public keys as X.509
 * SubjectPublicKeyInfo (SPKI) DER, private keys as PKCS#8 DER, each either bare base64 or PEM.
 */
public final class CheckpointKeys {

    public static final String ALGORITHM = "Ed25519";

    private CheckpointKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 (needs Java 15 or newer)", e);
        }
    }

    /** @throws IllegalArgumentException if it is not base64/PEM of a PKCS#8 Ed25519 private key */
    public static PrivateKey privateKeyFromPkcs8(String base64OrPem) {
        byte[] der = der(base64OrPem, "private key");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException if it is not base64/PEM of an SPKI Ed25519 public key */
    public static PublicKey publicKeyFromSpki(String base64OrPem) {
        byte[] der = der(base64OrPem, "public key");
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            if (!Arrays.equals(key.getEncoded(), der)) {
                throw new IllegalArgumentException("trailing or non-canonical bytes in the SPKI encoding");
            }
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an SPKI Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public static String spkiBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String pkcs8Base64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Hex of the first 8 bytes of SHA-256 over the SPKI DER: short enough to read aloud, long enough to compare. */
    public static String keyId(PublicKey key) {
        byte[] digest = Hashes.sha256().digest(key.getEncoded());
        return Hashes.hex(Arrays.copyOf(digest, 8));
    }

    private static byte[] der(String base64OrPem, String what) {
        if (base64OrPem == null || base64OrPem.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        StringBuilder base64 = new StringBuilder();
        for (String line : base64OrPem.strip().split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("-----")) { // PEM armour lines
                base64.append(trimmed);
            }
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is neither base64 nor PEM: " + e.getMessage(), e);
        }
    }
}
