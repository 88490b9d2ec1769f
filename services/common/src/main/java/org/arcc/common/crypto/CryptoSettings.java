package org.arcc.common.crypto;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Keys for field encryption. No defaults: a service that encrypts refuses to start without them (the
 * properties are optional here only so that services that encrypt nothing need not set them).
 * In production they come from the environment (a secret store), never from a file in this repository.
 */
@ConfigMapping(prefix = "arcc.crypto")
public interface CryptoSettings {

    /**
     * Key-encryption keys as {@code <id>:<base64 of 32 bytes>}, comma separated. Old keys stay listed so
     * data keys wrapped with them remain readable after a rotation.
     */
    Optional<List<String>> keys();

    /** Id of the key that wraps new data keys. */
    Optional<String> activeKey();

    /** Base64 of at least 32 bytes: the HMAC key of blind indexes (exact-match search on encrypted fields). */
    Optional<String> blindIndexKey();
}
