package org.arcc.cases.config;

import java.time.Duration;
import java.util.Set;

import org.arcc.cases.domain.AgeBand;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rules of the cells' work that policy may change without a code change. */
@ConfigMapping(prefix = "arcc.cases")
public interface CasesSettings {

    /** The medico-legal exam is due this long after arrival (6 h by the cells' standard). */
    @WithDefault("6h")
    Duration medicoLegalExamDeadline();

    /** How often the deadline watcher looks for overdue exams (read by {@code Deadlines.watch}). */
    @WithDefault("30s")
    String deadlineScan();

    /** How often partner webhook deliveries that are due are sent (read by {@code PartnerWebhooks.sendDue}). */
    @WithDefault("5s")
    String webhookScan();

    /** Age bands whose consents a guardian gives. */
    @WithDefault("CHILD_0_11,CHILD_12_17")
    Set<AgeBand> guardianConsentFor();

    /** Age bands for which the child's own assent must be recorded with the guardian's consent. */
    @WithDefault("CHILD_12_17")
    Set<AgeBand> childAssentRequiredFor();
}
