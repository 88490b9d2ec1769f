package org.arcc.custody;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A signed statement "the log {@code origin} had {@code treeSize} entries and root {@code rootHash} at
 * {@code issuedAt}". The signature is Ed25519 over the UTF-8 bytes of {@link #signedText()}.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, Instant issuedAt, String keyId, byte[] signature) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("origin must be one non-empty line");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must not be negative, was " + treeSize);
        }
        if (rootHash.length != Hashes.LENGTH) {
            throw new IllegalArgumentException("rootHash must be " + Hashes.LENGTH + " bytes, was " + rootHash.length);
        }
        rootHash = rootHash.clone();
        signature = signature.clone();
    }

    /** origin, tree size, hex root and issue time (Instant.toString), each followed by a newline. */
    public String signedText() {
        return origin + "\n" + treeSize + "\n" + Hashes.hex(rootHash) + "\n" + issuedAt + "\n";
    }

    byte[] signedBytes() {
        return signedText().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("origin", origin);
        json.put("treeSize", treeSize);
        json.put("rootHash", Hashes.hex(rootHash));
        json.put("issuedAt", issuedAt.toString());
        json.put("keyId", keyId);
        json.put("signature", Base64.getEncoder().encodeToString(signature));
        return json;
    }

    /** @throws IllegalArgumentException naming the missing or ill-typed field */
    public static Checkpoint fromJson(Map<String, Object> json) {
        if (json == null) {
            throw new IllegalArgumentException("checkpoint is missing");
        }
        String origin = Fields.string(json, "origin", "checkpoint");
        long treeSize = Fields.integer(json, "treeSize", "checkpoint");
        byte[] root = Fields.hash(json, "rootHash", "checkpoint");
        String issued = Fields.string(json, "issuedAt", "checkpoint");
        Instant issuedAt;
        try {
            issuedAt = Instant.parse(issued);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("checkpoint.issuedAt is not an RFC 3339 UTC time: " + issued);
        }
        if (!issuedAt.toString().equals(issued)) {
            // The signed text holds the time in exactly this form; anything else would not verify by hand.
            throw new IllegalArgumentException("checkpoint.issuedAt must be written " + issuedAt + ", not " + issued);
        }
        String keyId = Fields.string(json, "keyId", "checkpoint");
        byte[] signature = Fields.base64(json, "signature", "checkpoint");
        try {
            return new Checkpoint(origin, treeSize, root, issuedAt, keyId, signature);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && c.origin.equals(origin) && c.treeSize == treeSize
                && Arrays.equals(c.rootHash, rootHash) && c.issuedAt.equals(issuedAt) && c.keyId.equals(keyId)
                && Arrays.equals(c.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash), issuedAt, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Checkpoint[origin=" + origin + ", treeSize=" + treeSize + ", rootHash=" + Hashes.hex(rootHash)
                + ", issuedAt=" + issuedAt + ", keyId=" + keyId + "]";
    }
}
