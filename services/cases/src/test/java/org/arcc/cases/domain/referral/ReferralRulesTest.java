package org.arcc.cases.domain.referral;

import static org.arcc.cases.domain.ASurvivorCase.KHI;
import static org.arcc.cases.domain.ASurvivorCase.NOW;
import static org.arcc.cases.domain.DecisionAssertions.refused;
import static org.arcc.cases.domain.DecisionAssertions.taken;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.arcc.cases.domain.AgeBand;
import org.arcc.cases.domain.IncidentCategory;
import org.arcc.cases.domain.Referral;
import org.arcc.testing.UnitTest;
import org.arcc.vocabulary.ProblemType;
import org.junit.jupiter.api.Test;

/** Referrals in from partner NGOs without a database: who refers, with what, and the cell's one decision. */
@UnitTest
class ReferralRulesTest {

    private static final Optional<String> ROZAN = Optional.of("ngo-rozan");
    private static final ReferralRules.Refer WITH_CONSENT = new ReferralRules.Refer(KHI, AgeBand.CHILD_12_17,
            IncidentCategory.values()[0], true, "RZ-17");

    private static Referral received() {
        return taken(ReferralRules.receive(ROZAN, WITH_CONSENT, true, NOW));
    }

    @Test
    void aPartnerRefersASurvivorWithCodesOnly() {
        Referral r = received();

        assertThat(r.partner).isEqualTo("ngo-rozan");
        assertThat(r.cellCode).isEqualTo(KHI);
        assertThat(r.ageBand).isEqualTo(AgeBand.CHILD_12_17);
        assertThat(r.status).isEqualTo(Referral.Status.RECEIVED);
        assertThat(r.receivedAt).isEqualTo(NOW);
    }

    @Test
    void onlyAPartnerClientRefers() {
        refused(ReferralRules.receive(Optional.empty(), WITH_CONSENT, true, NOW), ProblemType.FORBIDDEN,
                "Referrals come from partner clients");
    }

    @Test
    void aReferralNeedsTheSurvivorsConsent() {
        refused(ReferralRules.receive(ROZAN, new ReferralRules.Refer(KHI, AgeBand.ADULT_18_24,
                IncidentCategory.values()[0], false, null), true, NOW), ProblemType.CONSENT_REQUIRED,
                "consentAttested true");
    }

    @Test
    void aReferralGoesToAnExistingCell() {
        refused(ReferralRules.receive(ROZAN, WITH_CONSENT, false, NOW), ProblemType.VALIDATION, "There is no cell KHI");
    }

    @Test
    void acceptingOpensALinkedCase() {
        Referral r = received();
        UUID caseId = UUID.randomUUID();

        taken(ReferralRules.accept(r, () -> caseId, "case-worker-khi", NOW.plusSeconds(60)));

        assertThat(r.status).isEqualTo(Referral.Status.ACCEPTED);
        assertThat(r.caseId).isEqualTo(caseId);
        assertThat(r.decidedBy).isEqualTo("case-worker-khi");
    }

    @Test
    void aReferralIsDecidedOnceAndNoCaseIsOpenedForADecidedOne() {
        Referral r = received();
        taken(ReferralRules.decline(r, "case-worker-khi", NOW));
        AtomicInteger opened = new AtomicInteger();

        refused(ReferralRules.accept(r, () -> {
            opened.incrementAndGet();
            return UUID.randomUUID();
        }, "case-worker-khi", NOW), ProblemType.CONFLICT, "already declined");
        refused(ReferralRules.decline(r, "case-worker-khi", NOW), ProblemType.CONFLICT, "already declined");

        assertThat(opened).hasValue(0);
        assertThat(r.caseId).isNull();
    }
}
