package org.arcc.reporting.config;

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
