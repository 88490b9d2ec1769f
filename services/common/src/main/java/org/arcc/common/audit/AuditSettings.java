package org.arcc.common.audit;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the audit trail is anchored and checked (docs/security.md, "Audit verification and anchoring"). */
@ConfigMapping(prefix = "arcc.audit")
public interface AuditSettings {

    /** Ed25519 private key (PKCS#8, base64 or PEM) that signs this service's anchors. No default outside dev and test. */
    String anchorKey();

    /** The matching public key (SPKI, base64 or PEM), given to the services that keep this one's anchors. */
    String anchorPublicKey();

    /** How often the chain heads are signed when they moved (read by {@code AuditAnchors.scheduled}); {@code off} stops it. */
    @WithDefault("5m")
    String anchorInterval();

    /** How often the trail is checked (read by {@code AuditWatch.scheduled}); {@code off} stops it. */
    @WithDefault("5m")
    String verifyInterval();

    /** How many of this service's newest stored anchors a check compares with (the newest alone covers every older row). */
    @WithDefault("500")
    int anchorsChecked();

    /**
     * The services whose anchors this one keeps, by a short name: their CloudEvents source and anchor public key,
     * e.g. {@code arcc.audit.peers.evidence.source=/arcc/evidence}. Anchors of other sources are ignored, and an
     * anchor the configured key did not sign is refused.
     */
    Map<String, Peer> peers();

    interface Peer {
        /** e.g. {@code /arcc/evidence} */
        String source();

        /** Its anchor public key (SPKI, base64 or PEM). */
        String publicKey();
    }
}
