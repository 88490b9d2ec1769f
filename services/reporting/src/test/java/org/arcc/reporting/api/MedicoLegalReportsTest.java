package org.arcc.reporting.api;

import static org.arcc.reporting.ReportApi.awaitShown;
import static org.arcc.reporting.ReportApi.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.arcc.reporting.PlatformEvents;
import org.arcc.reporting.PlatformEvents.Opened;
import org.arcc.reporting.ReportApi;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Medico-legal reports signed and amended (published by the cases service on the real broker), read through the
 * API in the medico-legal-reports table: counts by override, amendments, hours from exam to signature. The month
 * 2024-08 belongs to this class.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class MedicoLegalReportsTest {

    static final String MONTH = "2024-08";
    static final String TABLE = "medico-legal-reports";

    @Test
    void signedReportsAreCountedByOverrideWithAmendmentsAndHoursFromExamToSignature() {
        String karachi = Tokens.supervisor("KHI");
        try (PlatformEvents events = new PlatformEvents()) {
            for (int i = 1; i <= 6; i++) {
                Opened c = events.survivor("KHI", MONTH).withStatisticsConsent().open();
                if (i == 6) {
                    events.medicoLegalReportSigned(c, i, "SIX_HOUR_LIMIT");
                    events.medicoLegalReportAmended(c, 2);
                } else {
                    events.medicoLegalReportSigned(c, i);
                }
            }
            Opened withoutConsent = events.survivor("KHI", MONTH).open();
            events.medicoLegalReportSigned(withoutConsent, 1, "SIX_HOUR_LIMIT");
            events.medicoLegalReportAmended(withoutConsent, 2);
        }
        awaitShown(karachi, TABLE, MONTH, MONTH, "KHI", MONTH, "SIGNED", "6");
        awaitShown(karachi, TABLE, MONTH, MONTH, "KHI", MONTH, "AMENDED", "1");

        JsonPath own = ReportApi.table(karachi, TABLE, MONTH, MONTH);
        assertThat(row(own, "KHI", MONTH, "SIGNED_WITHOUT_OVERRIDE")).containsEntry("value", 5);
        assertThat(row(own, "KHI", MONTH, "SIGNED_WITH_OVERRIDE")).as("the case without STATISTICS consent is not counted")
                .containsEntry("value", 1);
        assertThat(row(own, "KHI", MONTH, "SIGNED_WITH_OVERRIDE_SHARE")).containsEntry("display", "16.7")
                .containsEntry("unit", "PERCENT");
        assertThat(row(own, "KHI", MONTH, "SIGN_HOURS_MEDIAN")).containsEntry("display", "3.0")
                .containsEntry("unit", "HOURS");
        assertThat(row(own, "KHI", MONTH, "SIGN_HOURS_P90")).containsEntry("display", "6.0");

        JsonPath analysts = ReportApi.table(Tokens.analyst(), TABLE, MONTH, MONTH);
        assertThat(row(analysts, "KHI", MONTH, "SIGNED_WITH_OVERRIDE")).as("one override, to an analyst")
                .containsEntry("suppressed", true).containsEntry("value", null);
        assertThat(row(analysts, "KHI", MONTH, "AMENDED")).containsEntry("suppressed", true);
    }
}
