package org.arcc.legal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.arcc.contracts.LegalSectionCodes;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * The register's schedule (configuration) names only sections of the catalogue, so that a verdict, which may only
 * use catalogue codes, can reach every scheduled offence: PPC 292A–C, 371A–B and 375A included.
 */
@UnitTest
class ScheduledOffencesTest {

    @Test
    void everyScheduledOffenceIsACatalogueCodeAVerdictCanUse() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            config.load(in);
        }
        List<String> scheduled = Arrays.stream(config.getProperty("arcc.legal.register.scheduled-offences").split(","))
                .map(String::trim).toList();
        assertThat(scheduled).contains("PPC_292_A", "PPC_292_B", "PPC_292_C", "PPC_371_A", "PPC_371_B", "PPC_375_A");
        assertThat(scheduled).allSatisfy(code -> assertThat(LegalSectionCodes.isKnown(code))
                .as("%s is in the legal section catalogue", code).isTrue());
        assertThat(config.getProperty("arcc.legal.register.source")).isNotBlank();
    }
}
