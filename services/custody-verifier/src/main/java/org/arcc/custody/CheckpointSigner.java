package org.arcc.custody;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Objects;

/** Signs checkpoints of one log with its Ed25519 key; {@link #verify} checks them. */
public final class CheckpointSigner {

    private final String origin;
    private final PrivateKey key;
    private final String keyId;

    /** @throws IllegalArgumentException if the two keys are not a pair (a test signature does not verify) */
    public CheckpointSigner(String origin, PrivateKey key, PublicKey publicKey) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.key = Objects.requireNonNull(key, "key");
        this.keyId = CheckpointKeys.keyId(Objects.requireNonNull(publicKey, "publicKey"));
        Checkpoint probe = sign(0, Hashes.emptyTreeHash(), Instant.EPOCH);
        if (!verify(probe, publicKey)) {
            throw new IllegalArgumentException("the private key does not belong to the public key " + keyId);
        }
    }

    public Checkpoint sign(long treeSize, byte[] rootHash, Instant issuedAt) {
        Checkpoint unsigned = new Checkpoint(origin, treeSize, rootHash, issuedAt, keyId, new byte[0]);
        try {
            Signature signature = Signature.getInstance(CheckpointKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(unsigned.signedBytes());
            return new Checkpoint(origin, treeSize, rootHash, issuedAt, keyId, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the checkpoint key: " + e.getMessage(), e);
        }
    }

    /** True if the checkpoint's signature is valid under {@code key}; false for any malformed input. */
    public static boolean verify(Checkpoint checkpoint, PublicKey key) {
        if (checkpoint == null || key == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(CheckpointKeys.ALGORITHM);
            signature.initVerify(key);
            signature.update(checkpoint.signedBytes());
            return signature.verify(checkpoint.signature());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
