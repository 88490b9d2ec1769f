package org.arcc.evidence.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.arcc.evidence.domain.ItemType;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Evidence rules that policy may change without a code change. */
@ConfigMapping(prefix = "arcc.evidence")
public interface EvidenceSettings {

    /** Ed25519 private key (PKCS#8, base64) that signs custody checkpoints. No default outside dev and test. */
    String checkpointKey();

    /** The matching public key (SPKI, base64), published for anyone who verifies; checked against the private key at start. */
    String checkpointPublicKey();

    /** Name of the log in every checkpoint. */
    @WithDefault("arcc-evidence")
    String checkpointOrigin();

    /** How often a checkpoint is signed and published when the log has grown (read by {@code Checkpoints.publish}). */
    @WithDefault("10m")
    String checkpointInterval();

    /** A DNA sample must be received by a lab this long after collection. */
    @WithDefault("72h")
    Duration dnaToLab();

    /** Item types the DNA-to-lab deadline applies to. */
    @WithDefault("SWABS,BLOOD,DNA_REFERENCE_SAMPLE")
    Set<ItemType> dnaTypes();

    /** How often the deadline watcher looks for overdue items (read by {@code LabDeadlines.watch}). */
    @WithDefault("1m")
    String deadlineScan();

    /** Retention period per item type after collection; types not listed use {@link #defaultRetention()}. */
    Map<ItemType, Duration> retention();

    @WithDefault("3650d")
    Duration defaultRetention();

    /** Advance notice between a supervisor's disposal approval and the earliest disposal. */
    @WithDefault("30d")
    Duration disposalNotice();
}
