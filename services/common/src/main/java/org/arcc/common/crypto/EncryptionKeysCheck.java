package org.arcc.common.crypto;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Every service encrypts something (identity and notes in cases; the stored answers of idempotent POSTs in
 * all): without valid encryption keys it must not start at all, rather than fail its first write.
 */
public class EncryptionKeysCheck {

    private static final Logger LOG = Logger.getLogger(EncryptionKeysCheck.class);

    @Inject
    KeyRing keys;

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Field encryption ready; new data keys are wrapped with key %s", keys.activeId());
    }
}
