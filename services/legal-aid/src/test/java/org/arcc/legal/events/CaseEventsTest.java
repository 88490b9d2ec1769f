package org.arcc.legal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.arcc.legal.CaseFacts;
import org.arcc.legal.domain.CaseConsent;
import org.arcc.legal.domain.DeadlineCode;
import org.arcc.legal.domain.DeadlineRow;
import org.arcc.legal.domain.LegalFile;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A legal file opens with the case (from either version of case-opened, once), follows it on a transfer and
 * closes with it; the police-report consent is kept per case, and the FIR target exists only while it stands.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "legal"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class CaseEventsTest {

    @Test
    void aFileOpensOnceWithTheCaseAndCarriesItsSections() {
        Instant arrived = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UUID caseId = CaseFacts.opened("KHI", arrived);
        QuarkusTransaction.requiringNew().run(() -> {
            LegalFile file = LegalFile.findById(caseId);
            assertThat(file.cellCode).isEqualTo("KHI");
            assertThat(file.caseReference).startsWith("KHI-2026-");
            assertThat(file.caseSections).containsExactly("PPC_376", "PECA_24");
            assertThat(file.arrivedAt).isEqualTo(arrived);
            assertThat(file.closedAt).isNull();
            assertThat(LegalFile.count("caseId", caseId)).isEqualTo(1);
            assertThat(DeadlineRow.count("caseId", caseId)).as("no FIR target without consent").isZero();
        });
    }

    @Test
    void thePoliceReportConsentIsKeptAndWithdrawn() {
        UUID caseId = CaseFacts.opened("LHE-2", Instant.now().minusSeconds(600));
        UUID consent = CaseFacts.consentGiven(caseId, "LHE-2", "POLICE_REPORT");
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(CaseConsent.stands(caseId, CaseConsent.POLICE_REPORT)).isTrue();
            assertThat(DeadlineRow.<DeadlineRow>findById(new DeadlineRow.Key(caseId, DeadlineCode.FIR_AFTER_ARRIVAL)))
                    .as("the FIR target starts with the consent").isNotNull();
        });
        CaseFacts.consentWithdrawn(caseId, consent, "LHE-2", "POLICE_REPORT");
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(CaseConsent.stands(caseId, CaseConsent.POLICE_REPORT)).isFalse();
            assertThat(DeadlineRow.count("caseId", caseId)).as("and ends with its withdrawal").isZero();
        });
    }

    @Test
    void theFileFollowsTheCaseToAnotherCellAndClosesWithIt() {
        UUID caseId = CaseFacts.opened("RWP", Instant.now().minusSeconds(600), "POLICE_REPORT");
        CaseFacts.transferAccepted(caseId, "RWP", "ISB");
        QuarkusTransaction.requiringNew().run(() -> assertThat(DeadlineRow.<DeadlineRow>findById(
                new DeadlineRow.Key(caseId, DeadlineCode.FIR_AFTER_ARRIVAL)).cellCode).isEqualTo("ISB"));
        CaseFacts.closed(caseId, "ISB");
    }
}
