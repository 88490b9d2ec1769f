package org.arcc.cases.domain.consent;

import static org.arcc.cases.domain.ASurvivorCase.NOW;
import static org.arcc.cases.domain.DecisionAssertions.refused;
import static org.arcc.cases.domain.DecisionAssertions.taken;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.arcc.cases.domain.ASurvivorCase;
import org.arcc.cases.domain.AgeBand;
import org.arcc.cases.domain.Consent;
import org.arcc.cases.domain.ConsentGiver;
import org.arcc.cases.domain.ConsentPurpose;
import org.arcc.cases.domain.Decision;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.testing.UnitTest;
import org.arcc.vocabulary.ProblemType;
import org.junit.jupiter.api.Test;

/** Who may give a consent and what it must say, under the default age rules; and its withdrawal. */
@UnitTest
class ConsentRulesTest {

    /** The defaults of {@code CasesSettings}: a guardian for children, the child's own assent from 12. */
    private static final ConsentRules RULES = new ConsentRules(Set.of(AgeBand.CHILD_0_11, AgeBand.CHILD_12_17),
            Set.of(AgeBand.CHILD_12_17));

    private static final SurvivorCase ADULT = ASurvivorCase.inKarachi().build();
    private static final SurvivorCase YOUNG_CHILD = ASurvivorCase.inKarachi().aged(AgeBand.CHILD_0_11).build();
    private static final SurvivorCase TEENAGER = ASurvivorCase.inKarachi().aged(AgeBand.CHILD_12_17).build();

    private static Decision<Consent> give(SurvivorCase c, ConsentGiver by, Boolean assent) {
        return RULES.give(c, new ConsentRules.Give(ConsentPurpose.MEDICAL_EXAM, by, assent, null), "medical-officer", NOW);
    }

    private static void invalid(Decision<?> decision, String detailContains) {
        refused(decision, ProblemType.VALIDATION, detailContains);
    }

    @Test
    void anAdultSurvivorGivesConsentHerself() {
        Consent consent = taken(give(ADULT, ConsentGiver.SURVIVOR, null));

        assertThat(consent.caseId).isEqualTo(ADULT.id);
        assertThat(consent.givenBy).isEqualTo(ConsentGiver.SURVIVOR);
        assertThat(consent.givenAt).isEqualTo(NOW);
        assertThat(consent.recordedBy).isEqualTo("medical-officer");
        assertThat(consent.active()).isTrue();
        invalid(give(ADULT, ConsentGiver.GUARDIAN, null), "An adult survivor gives consent herself");
    }

    @Test
    void forAChildAGuardianGivesConsent() {
        invalid(give(YOUNG_CHILD, ConsentGiver.SURVIVOR, null), "age band CHILD_0_11 a guardian gives consent");
        assertThat(taken(give(YOUNG_CHILD, ConsentGiver.GUARDIAN, null)).givenBy).isEqualTo(ConsentGiver.GUARDIAN);
    }

    @Test
    void anOlderChildsOwnAssentIsRecordedWithTheGuardiansConsent() {
        invalid(give(TEENAGER, ConsentGiver.GUARDIAN, null), "the child's own assent must be recorded");
        invalid(give(TEENAGER, ConsentGiver.GUARDIAN, false), "the child's own assent must be recorded");
        assertThat(taken(give(TEENAGER, ConsentGiver.GUARDIAN, true)).childAssent).isTrue();
    }

    @Test
    void policyDecidesTheAgeBands() {
        ConsentRules noGuardians = new ConsentRules(Set.of(), Set.of());

        assertThat(taken(noGuardians.give(TEENAGER, new ConsentRules.Give(ConsentPurpose.MEDICAL_EXAM,
                ConsentGiver.SURVIVOR, null, null), "medical-officer", NOW)).givenBy).isEqualTo(ConsentGiver.SURVIVOR);
    }

    @Test
    void aSharingConsentAndOnlyThatNamesItsRecipient() {
        invalid(RULES.give(ADULT, new ConsentRules.Give(ConsentPurpose.SHARING, ConsentGiver.SURVIVOR, null, null),
                "case-worker", NOW), "A SHARING consent names its recipient");
        invalid(RULES.give(ADULT, new ConsentRules.Give(ConsentPurpose.STATISTICS, ConsentGiver.SURVIVOR, null,
                "ngo-rozan"), "case-worker", NOW), "Only a SHARING consent has a recipient");
        assertThat(taken(RULES.give(ADULT, new ConsentRules.Give(ConsentPurpose.SHARING, ConsentGiver.SURVIVOR, null,
                "ngo-rozan"), "case-worker", NOW)).recipient).isEqualTo("ngo-rozan");
    }

    @Test
    void aConsentIsWithdrawnOnce() {
        Consent consent = taken(give(ADULT, ConsentGiver.SURVIVOR, null));

        ConsentRules.Withdrawn withdrawn = taken(ConsentRules.withdraw(consent, "case-worker", NOW));
        assertThat(withdrawn.endsOnwardReferrals()).isFalse();
        assertThat(consent.active()).isFalse();
        assertThat(consent.withdrawnBy).isEqualTo("case-worker");

        refused(ConsentRules.withdraw(consent, "case-worker", NOW.plusSeconds(60)), ProblemType.CONFLICT,
                "already withdrawn");
        assertThat(consent.withdrawnAt).isEqualTo(NOW);
    }

    @Test
    void withdrawingASharingConsentEndsTheOnwardReferralsOnIt() {
        Consent sharing = taken(RULES.give(ADULT, new ConsentRules.Give(ConsentPurpose.SHARING, ConsentGiver.SURVIVOR,
                null, "ngo-rozan"), "case-worker", NOW));

        assertThat(taken(ConsentRules.withdraw(sharing, "case-worker", NOW)).endsOnwardReferrals()).isTrue();
    }
}
