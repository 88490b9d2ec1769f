package org.arcc.common.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The key-encryption keys and the blind-index key, checked when first used. A service that encrypts touches
 * it at startup so that missing or malformed keys stop it at once.
 */
@ApplicationScoped
public class KeyRing {

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String activeId;
    private final SecretKey blindIndexKey;

    @Inject
    public KeyRing(CryptoSettings settings) {
        for (String entry : settings.keys().orElseThrow(() -> missing("arcc.crypto.keys"))) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("arcc.crypto.keys entries look like <id>:<base64>");
            }
            String id = entry.substring(0, colon).trim();
            byte[] material = decode(entry.substring(colon + 1).trim(), "key " + id);
            if (material.length != 32) {
                throw new IllegalStateException("Key-encryption key " + id + " must be 32 bytes (AES-256)");
            }
            keys.put(id, new SecretKeySpec(material, "AES"));
        }
        String active = settings.activeKey().orElseThrow(() -> missing("arcc.crypto.active-key"));
        if (!keys.containsKey(active)) {
            throw new IllegalStateException("arcc.crypto.active-key names no key in arcc.crypto.keys: " + active);
        }
        this.activeId = active;
        byte[] index = decode(settings.blindIndexKey().orElseThrow(() -> missing("arcc.crypto.blind-index-key")),
                "blind index key");
        if (index.length < 32) {
            throw new IllegalStateException("The blind index key must be at least 32 bytes");
        }
        this.blindIndexKey = new SecretKeySpec(index, "HmacSHA256");
    }

    public String activeId() {
        return activeId;
    }

    public SecretKey active() {
        return keys.get(activeId);
    }

    public SecretKey byId(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("Key-encryption key " + id + " is not configured; keep retired keys in "
                    + "arcc.crypto.keys until their data keys are re-wrapped");
        }
        return key;
    }

    SecretKey blindIndexKey() {
        return blindIndexKey;
    }

    private static IllegalStateException missing(String property) {
        return new IllegalStateException(property + " is not set: field encryption needs its keys");
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The " + what + " is not valid base64");
        }
    }
}
