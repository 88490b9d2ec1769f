package org.arcc.cases.domain.referral;

import static org.arcc.cases.domain.ASurvivorCase.NOW;
import static org.arcc.cases.domain.DecisionAssertions.refused;
import static org.arcc.cases.domain.DecisionAssertions.taken;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.arcc.cases.domain.ASurvivorCase;
import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.Consent;
import org.arcc.cases.domain.ConsentPurpose;
import org.arcc.cases.domain.Disability;
import org.arcc.cases.domain.OnwardReferral;
import org.arcc.cases.domain.OnwardReferral.DeclineReason;
import org.arcc.cases.domain.OnwardReferral.Status;
import org.arcc.cases.domain.SexGender;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.testing.UnitTest;
import org.arcc.vocabulary.ProblemType;
import org.junit.jupiter.api.Test;

/** Onward referrals to partners without a database: consent, the partner's answer, withdrawal with the consent. */
@UnitTest
class OnwardReferralRulesTest {

    private static final OnwardReferralRules.Refer SHELTER = new OnwardReferralRules.Refer("ngo-rozan",
            OnwardReferral.ServiceKind.SHELTER, OnwardReferral.Urgency.PRIORITY, SexGender.values()[0],
            List.of(Disability.values()[0]), "call after 5pm");

    private static Consent sharingWithRozan(SurvivorCase c) {
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.caseId = c.id;
        consent.purpose = ConsentPurpose.SHARING;
        consent.recipient = "ngo-rozan";
        return consent;
    }

    private static OnwardReferral referred(SurvivorCase c, Consent consent) {
        return taken(OnwardReferralRules.refer(c, Optional.of(consent), SHELTER, "KHI-OR-ABCD2345", "case-worker", NOW));
    }

    @Test
    void aReferralRestsOnTheSharingConsentAndCarriesCodesOnly() {
        SurvivorCase c = ASurvivorCase.inKarachi().build();
        Consent consent = sharingWithRozan(c);

        OnwardReferral r = referred(c, consent);

        assertThat(r.consentId).isEqualTo(consent.id);
        assertThat(r.partner).isEqualTo("ngo-rozan");
        assertThat(r.ageBand).isEqualTo(c.ageBand);
        assertThat(r.status).isEqualTo(Status.SENT);
        assertThat(r.contactReference).isEqualTo("KHI-OR-ABCD2345");
        assertThat(r.note).as("the note is sealed by the service, never set in clear").isNull();
    }

    @Test
    void withoutASharingConsentForThePartnerNothingIsReferred() {
        refused(OnwardReferralRules.refer(ASurvivorCase.inKarachi().build(), Optional.empty(), SHELTER, "KHI-OR-1",
                "case-worker", NOW), ProblemType.CONSENT_REQUIRED, "needs the survivor's SHARING consent");
    }

    @Test
    void aClosedCaseIsNotReferred() {
        SurvivorCase closed = ASurvivorCase.inKarachi().in(CaseStatus.CLOSED).build();

        refused(OnwardReferralRules.refer(closed, Optional.of(sharingWithRozan(closed)), SHELTER, "KHI-OR-1",
                "case-worker", NOW), ProblemType.CONFLICT, "The case is closed");
    }

    @Test
    void thePartnerAcceptsOrDeclinesWithAReasonCode() {
        refused(OnwardReferralRules.Acknowledge.of(Status.WITHDRAWN, null), ProblemType.VALIDATION,
                "decision is ACCEPTED or DECLINED");
        refused(OnwardReferralRules.Acknowledge.of(Status.DECLINED, null), ProblemType.VALIDATION,
                "A decline gives a declineReason");
        refused(OnwardReferralRules.Acknowledge.of(Status.ACCEPTED, DeclineReason.OTHER), ProblemType.VALIDATION,
                "Only a decline gives a declineReason");

        SurvivorCase c = ASurvivorCase.inKarachi().build();
        OnwardReferral r = referred(c, sharingWithRozan(c));
        taken(OnwardReferralRules.acknowledge(r,
                taken(OnwardReferralRules.Acknowledge.of(Status.DECLINED, DeclineReason.NO_CAPACITY)), NOW));
        assertThat(r.status).isEqualTo(Status.DECLINED);
        assertThat(r.declineReason).isEqualTo(DeclineReason.NO_CAPACITY);
        assertThat(r.acknowledgedAt).isEqualTo(NOW);
    }

    @Test
    void onlyAWaitingReferralIsAcknowledged() {
        SurvivorCase c = ASurvivorCase.inKarachi().build();
        OnwardReferral r = referred(c, sharingWithRozan(c));
        OnwardReferralRules.Acknowledge accept = taken(OnwardReferralRules.Acknowledge.of(Status.ACCEPTED, null));
        taken(OnwardReferralRules.acknowledge(r, accept, NOW));

        refused(OnwardReferralRules.acknowledge(r, accept, NOW), ProblemType.CONFLICT, "already accepted");
    }

    @Test
    void withdrawingTheConsentWithdrawsTheOpenReferralsOnIt() {
        SurvivorCase c = ASurvivorCase.inKarachi().build();
        Consent consent = sharingWithRozan(c);
        OnwardReferral waiting = referred(c, consent);
        OnwardReferral accepted = referred(c, consent);
        taken(OnwardReferralRules.acknowledge(accepted, taken(OnwardReferralRules.Acknowledge.of(Status.ACCEPTED, null)),
                NOW));
        OnwardReferral declined = referred(c, consent);
        taken(OnwardReferralRules.acknowledge(declined,
                taken(OnwardReferralRules.Acknowledge.of(Status.DECLINED, DeclineReason.OUT_OF_AREA)), NOW));
        OnwardReferral underAnotherConsent = referred(c, sharingWithRozan(c));

        List<OnwardReferral> withdrawn = OnwardReferralRules.withdrawUnder(consent,
                List.of(waiting, accepted, declined, underAnotherConsent), NOW.plusSeconds(60));

        assertThat(withdrawn).containsExactly(waiting, accepted);
        assertThat(waiting.status).isEqualTo(Status.WITHDRAWN);
        assertThat(accepted.withdrawnAt).isEqualTo(NOW.plusSeconds(60));
        assertThat(declined.status).isEqualTo(Status.DECLINED);
        assertThat(underAnotherConsent.status).isEqualTo(Status.SENT);
    }
}
