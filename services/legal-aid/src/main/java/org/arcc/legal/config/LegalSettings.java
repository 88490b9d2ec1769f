package org.arcc.legal.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.arcc.legal.domain.DeadlineCode;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Legal-aid rules that policy or the law may change without a code change (docs/legal-aid.md). */
@ConfigMapping(prefix = "arcc.legal")
public interface LegalSettings {

    /** One rule per deadline: the table is in application.properties, with each rule's source. */
    Map<DeadlineCode, Rule> deadlines();

    /** How often overdue deadlines are looked for (read by {@code DeadlineWatch.scan}). */
    @WithDefault("1m")
    String deadlineScan();

    /** How far ahead a deadline counts as upcoming on the per-cell list. */
    @WithDefault("30d")
    Duration upcomingWindow();

    Register register();

    interface Rule {
        /** ISO-8601 period ({@code P4M}) or duration ({@code PT24H}). */
        String period();

        /** True when the law sets the period; false for a policy target. */
        boolean statutory();

        /** Where the period comes from: the statute and section, or the policy. */
        String source();
    }

    /** The sex offenders register. */
    interface Register {
        /** Legal section codes of the scheduled offences: a conviction under one is notified. */
        Set<String> scheduledOffences();

        /** Where the schedule comes from. */
        String source();
    }
}
