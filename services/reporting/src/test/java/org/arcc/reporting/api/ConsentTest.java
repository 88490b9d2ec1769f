package org.arcc.reporting.api;

import static org.arcc.reporting.ReportApi.awaitShown;
import static org.arcc.reporting.ReportApi.shown;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.arcc.reporting.PlatformEvents;
import org.arcc.reporting.PlatformEvents.Opened;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A case counts only while its STATISTICS consent is active (arcc.reporting.count-with-consent=true): a case
 * without it is never counted, one that gets it later counts from then on, and a withdrawal removes the case from
 * every figure computed afterwards. Islamabad in 2024-05 belongs to this class.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class ConsentTest {

    static final String TABLE = "survivors-by-age-band";
    static final String MONTH = "2024-05";

    @Test
    void withdrawingStatisticsConsentRemovesTheCaseFromEveryFigureAfterwards() {
        String analyst = Tokens.analyst();
        List<Opened> counted = new ArrayList<>();
        Opened later;
        try (PlatformEvents events = new PlatformEvents()) {
            for (int i = 0; i < 6; i++) {
                counted.add(events.survivor("ISB", MONTH).withStatisticsConsent().open());
            }
            later = events.survivor("ISB", MONTH).open();
            events.consentGiven(later.caseId(), "ISB", "POLICE_REPORT");
        }
        awaitShown(analyst, TABLE, MONTH, MONTH, "ISB", MONTH, "TOTAL", "6");
        assertThat(shown(analyst, TABLE, MONTH, MONTH, "PK-IS", MONTH, "ADULT_18_24"))
                .as("a case with other consents but not STATISTICS is not counted").isEqualTo("6");

        try (PlatformEvents events = new PlatformEvents()) {
            events.consentGiven(later.caseId(), "ISB", "STATISTICS");
        }
        awaitShown(analyst, TABLE, MONTH, MONTH, "ISB", MONTH, "TOTAL", "7");

        try (PlatformEvents events = new PlatformEvents()) {
            events.consentWithdrawn(counted.get(0), "STATISTICS", counted.get(0).statisticsConsent());
            events.consentWithdrawn(counted.get(1), "STATISTICS", counted.get(1).statisticsConsent());
        }
        awaitShown(analyst, TABLE, MONTH, MONTH, "ISB", MONTH, "TOTAL", "5");
        assertThat(shown(analyst, TABLE, MONTH, MONTH, "ISB", MONTH, "ADULT_18_24")).isEqualTo("5");
        assertThat(shown(analyst, "survivors-by-channel", MONTH, MONTH, "ISB", MONTH, "WALK_IN"))
                .as("in every table").isEqualTo("5");
        assertThat(shown(analyst, TABLE, MONTH, MONTH, "PK-IS", "2024-Q2", "TOTAL"))
                .as("and every total").isEqualTo("5");
    }
}
