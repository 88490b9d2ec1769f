package org.arcc.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.arcc.contracts.audit.AuditHeadsSigned;
import org.arcc.contracts.audit.AuditHeadsSigned.ChainHead;
import org.arcc.custody.CanonicalJson;
import org.arcc.custody.CheckpointKeys;

/**
 * Signed heads of every chain of one service's audit trail, read in one snapshot: whoever holds it can later
 * show that the row at (chain, position) had that hash at {@code signedAt}. The signature (Ed25519) covers the
 * canonical JSON (RFC 8785) of every field but the signature, plus the event type, so a signature made for
 * anything else never verifies as an anchor.
 */
public record AuditAnchor(String source, Instant signedAt, String keyId, List<ChainHead> heads, byte[] signature) {

    public AuditAnchor {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(keyId, "keyId");
        heads = List.copyOf(Objects.requireNonNull(heads, "heads"));
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    /** Signs the heads; {@code signedAt} is kept to the millisecond, as it travels. */
    public static AuditAnchor sign(String source, Instant signedAt, List<ChainHead> heads, PrivateKey key,
            PublicKey publicKey) {
        AuditAnchor unsigned = new AuditAnchor(source, signedAt.truncatedTo(ChronoUnit.MILLIS),
                CheckpointKeys.keyId(publicKey), heads, new byte[0]);
        try {
            Signature ed25519 = Signature.getInstance(CheckpointKeys.ALGORITHM);
            ed25519.initSign(key);
            ed25519.update(unsigned.signedBytes());
            return new AuditAnchor(unsigned.source, unsigned.signedAt, unsigned.keyId, heads, ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the audit anchor key: " + e.getMessage(), e);
        }
    }

    /** True if the signature is valid under {@code key} and was made by it; false for anything malformed. */
    public boolean signedBy(PublicKey key) {
        if (key == null || !CheckpointKeys.keyId(key).equals(keyId)) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance(CheckpointKeys.ALGORITHM);
            ed25519.initVerify(key);
            ed25519.update(signedBytes());
            return ed25519.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** What the signature covers. */
    public byte[] signedBytes() {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("type", AuditHeadsSigned.TYPE.type());
        statement.put("source", source);
        statement.put("signedAt", DateTimeFormatter.ISO_INSTANT.format(signedAt));
        statement.put("keyId", keyId);
        statement.put("heads", headsJson(heads));
        return CanonicalJson.encode(statement).getBytes(StandardCharsets.UTF_8);
    }

    /** The heads as stored: canonical JSON. */
    public String headsText() {
        return CanonicalJson.encode(headsJson(heads));
    }

    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }

    public AuditHeadsSigned toEvent() {
        return new AuditHeadsSigned(source, signedAt, keyId, heads, signatureBase64());
    }

    /**
     * An anchor as received (an event, a stored row, an operator's request).
     *
     * @throws IllegalArgumentException if the signature is not base64 or a field is missing
     */
    public static AuditAnchor of(AuditHeadsSigned event) {
        return new AuditAnchor(event.source(), event.signedAt(), event.keyId(), event.heads(),
                Base64.getDecoder().decode(Objects.requireNonNull(event.signature(), "signature")));
    }

    /** Reads the stored heads text back. */
    public static List<ChainHead> parseHeads(String text) {
        List<ChainHead> heads = new ArrayList<>();
        for (Object item : (List<?>) CanonicalJson.parse(text)) {
            Map<?, ?> head = (Map<?, ?>) item;
            heads.add(new ChainHead(((Number) head.get("chain")).intValue(), ((Number) head.get("position")).longValue(),
                    (String) head.get("hash")));
        }
        return heads;
    }

    private static List<Object> headsJson(List<ChainHead> heads) {
        List<Object> list = new ArrayList<>();
        for (ChainHead head : heads) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("chain", head.chain());
            h.put("position", head.position());
            h.put("hash", head.hash());
            list.add(h);
        }
        return list;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditAnchor a && source.equals(a.source) && signedAt.equals(a.signedAt)
                && keyId.equals(a.keyId) && heads.equals(a.heads) && java.util.Arrays.equals(signature, a.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, signedAt, keyId, heads, java.util.Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "heads of " + source + " signed at " + signedAt + " by key " + keyId;
    }
}
