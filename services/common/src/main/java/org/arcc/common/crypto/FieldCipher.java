package org.arcc.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Envelope encryption of identity fields: AES-256-GCM under a per-record data key, itself wrapped by a
 * key-encryption key ({@link KeyRing}) whose id is stored with it, so keys rotate without re-encrypting
 * records. Each ciphertext is bound to its record and field (GCM associated data), so it cannot be moved to
 * another record or field unnoticed. Shredding a data key makes the record's fields unreadable for good.
 *
 * <p>Ciphertext layout: version byte {@code 1}, 12-byte nonce, then ciphertext with its 16-byte tag.
 */
@ApplicationScoped
public class FieldCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();

    @Inject
    KeyRing keys;

    @Inject
    EntityManager entityManager;

    /** An unwrapped data key, held in memory only for the duration of a use case. */
    public static final class OpenKey {
        private final UUID id;
        private final SecretKey key;

        private OpenKey(UUID id, SecretKey key) {
            this.id = id;
            this.key = key;
        }

        public UUID id() {
            return id;
        }
    }

    /**
     * Creates and stores a data key for a record, wrapped with the active key-encryption key and bound to its
     * owner: the key opens only for the record it was made for, so a row moved to another record is refused.
     *
     * @param owner id of the record the key protects (e.g. the case id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OpenKey newDataKey(String owner) {
        byte[] material = new byte[32];
        random.nextBytes(material);
        DataKey stored = new DataKey();
        stored.id = UUID.randomUUID();
        stored.kekId = keys.activeId();
        stored.wrapped = seal(keys.active(), material, stored.id + "@" + owner);
        stored.createdAt = Instant.now();
        entityManager.persist(stored);
        return new OpenKey(stored.id, new SecretKeySpec(material, "AES"));
    }

    /**
     * Unwraps a record's data key.
     *
     * @param owner id of the record the key was made for
     * @throws ShreddedException when the key was destroyed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OpenKey open(UUID dataKeyId, String owner) {
        DataKey stored = entityManager.find(DataKey.class, dataKeyId);
        if (stored == null || stored.wrapped == null) {
            throw new ShreddedException("Data key " + dataKeyId + " was destroyed");
        }
        byte[] material = unseal(keys.byId(stored.kekId), stored.wrapped, dataKeyId + "@" + owner);
        return new OpenKey(dataKeyId, new SecretKeySpec(material, "AES"));
    }

    /** The id of the key-encryption key that wraps a data key (for operators and rotation). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String wrappingKeyOf(UUID dataKeyId) {
        DataKey stored = entityManager.find(DataKey.class, dataKeyId);
        return stored == null ? null : stored.kekId;
    }

    /** Destroys a data key: everything encrypted under it becomes unreadable (crypto-shredding). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shred(UUID dataKeyId) {
        DataKey stored = entityManager.find(DataKey.class, dataKeyId);
        if (stored != null && stored.wrapped != null) {
            stored.wrapped = null;
            stored.shreddedAt = Instant.now();
        }
    }

    /** Encrypts one field of a record; null stays null. */
    public byte[] encrypt(OpenKey key, String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return seal(key.key, plaintext.getBytes(StandardCharsets.UTF_8), key.id + "/" + field);
    }

    /** Decrypts one field of a record; null stays null. */
    public String decrypt(OpenKey key, String field, byte[] ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        return new String(unseal(key.key, ciphertext, key.id + "/" + field), StandardCharsets.UTF_8);
    }

    /**
     * A keyed HMAC-SHA256 of a normalised value, for exact-match search without decrypting: equal inputs give
     * equal indexes, and without the key an index reveals nothing and cannot be brute-forced offline.
     *
     * @param purpose separates indexes of different fields (the same value indexed as CNIC and as phone
     *                gives different indexes)
     */
    public String blindIndex(String purpose, String normalizedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.blindIndexKey());
            mac.update((purpose + ":").getBytes(StandardCharsets.UTF_8));
            byte[] digest = mac.doFinal(Normalizer.normalize(normalizedValue, Normalizer.Form.NFKC)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private byte[] seal(SecretKey key, byte[] plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private byte[] unseal(SecretKey key, byte[] sealed, String associatedData) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("Not a version " + VERSION + " ciphertext");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // Wrong key, or the ciphertext, its record or its field was tampered with.
            throw new IllegalStateException("Ciphertext failed authentication");
        }
    }
}
