package org.arcc.cases.config;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.common.crypto.KeyRing;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** The cases service holds identity: without valid encryption keys it must not start at all. */
public class EncryptionKeysCheck {

    private static final Logger LOG = Logger.getLogger(EncryptionKeysCheck.class);

    @Inject
    KeyRing keys;

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Field encryption ready; new data keys are wrapped with key %s", keys.activeId());
    }
}
