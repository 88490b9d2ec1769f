package org.arcc.reporting.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What reporting counts and how it publishes (docs/reporting.md). */
@ConfigMapping(prefix = "arcc.reporting")
public interface ReportingSettings {

    /**
     * Count a case only while its STATISTICS consent is active (the default). When false every case counts;
     * a withdrawal still removes it.
     */
    @WithDefault("true")
    boolean countWithConsent();

    /** Counts from 1 to k − 1 are suppressed. */
    @WithDefault("5")
    int k();

    /** The cells and the province (ISO 3166-2) each belongs to; a cell not listed is not counted. */
    Map<String, String> cells();

    /** Names of the provinces, by code. */
    Map<String, String> provinceNames();

    /** Evidence item types the DNA-to-lab limit applies to (as in the evidence service). */
    @WithDefault("SWABS,BLOOD,DNA_REFERENCE_SAMPLE")
    Set<String> dnaTypes();

    Dhis2 dhis2();

    /** The cache of protected figures (docs/reporting.md, "Cost of a request"). */
    FiguresCache cache();

    interface FiguresCache {

        /**
         * The most figures kept, summed over entries (an entry is every table of one period for one viewer: about
         * 15,000 to 40,000 figures for a year); at about 100 bytes a figure, the default is some 20 MB.
         */
        @WithDefault("200000")
        int maxFigures();

        /** An entry nobody read for this long is dropped. */
        @WithDefault("30m")
        Duration idle();

        /**
         * Protections computed at once at most (each is CPU-bound); further ones wait their turn, so that many
         * dashboards asking for new periods at once finish one after the other instead of all late together.
         * 0: one per available processor.
         */
        @WithDefault("0")
        int computations();
    }

    /** How figures map onto a DHIS2 data set (docs/reporting.md, "DHIS2"). */
    interface Dhis2 {

        /** The DHIS2 data set the values belong to. */
        String dataSet();

        /** Cell code → DHIS2 organisation unit id. */
        Map<String, String> orgUnits();

        /**
         * {@code <table>.<category>} → {@code <dataElement>.<categoryOptionCombo>}; figures not listed are not
         * exported.
         */
        Map<String, String> figures();
    }
}
