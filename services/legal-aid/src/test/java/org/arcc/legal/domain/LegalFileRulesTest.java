package org.arcc.legal.domain;

import static org.arcc.legal.domain.AFile.ARRIVED;
import static org.arcc.legal.domain.AFile.NOW;
import static org.arcc.legal.domain.AFile.STATION;
import static org.arcc.legal.domain.AFile.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.arcc.common.problem.ProblemException;
import org.arcc.legal.domain.Codes.AdjournmentReason;
import org.arcc.legal.domain.Codes.AppealBy;
import org.arcc.legal.domain.Codes.AppealOutcome;
import org.arcc.legal.domain.Codes.FirOutcome;
import org.arcc.legal.domain.Codes.FirRefusalReason;
import org.arcc.legal.domain.Codes.HearingOutcome;
import org.arcc.legal.domain.Codes.HearingPurpose;
import org.arcc.legal.domain.Codes.RepresentationRole;
import org.arcc.legal.domain.Codes.RepresentationStatus;
import org.arcc.legal.domain.Codes.SoughtBy;
import org.arcc.legal.domain.Codes.Stage;
import org.arcc.legal.domain.Codes.VerdictOutcome;
import org.arcc.legal.domain.LegalFile.Assignment;
import org.arcc.legal.domain.LegalFile.FirRefusal;
import org.arcc.legal.domain.LegalFile.FirRegistration;
import org.arcc.legal.domain.LegalFile.HearingResult;
import org.arcc.legal.domain.LegalFile.VerdictRecord;
import org.arcc.testing.UnitTest;
import org.arcc.vocabulary.ProblemType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of a legal file, without a database: each step checks, changes the file and says what happened. */
@UnitTest
class LegalFileRulesTest {

    private static final Set<String> SCHEDULED = Set.of("PPC_375", "PPC_376", "PPC_376_2", "PPC_376_3", "PPC_377",
            "PPC_377_A", "PPC_377_B", "PECA_21", "PECA_22");

    private static FirRegistration firAt(Duration afterArrival) {
        return new FirRegistration(STATION, "FIR-311/2026", ARRIVED.plus(afterArrival), List.of("PPC_376"), "SI Rukhsana Bibi");
    }

    private static void refused(ThrowingCallable call, ProblemType type) {
        assertThatThrownBy(call).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(type));
    }

    @Nested
    class Fir {

        @Test
        void registeredFirRecordsTheTimeFromArrival() {
            LegalFile file = AFile.justOpened();
            Happened.FirRegistered done = file.registerFir(firAt(Duration.ofHours(5)), true, "lo-1", NOW);
            assertThat(done.fromArrival()).isEqualTo(Duration.ofHours(5));
            assertThat(done.fir().outcome).isEqualTo(FirOutcome.REGISTERED);
            assertThat(file.registeredFir()).contains(done.fir());
            assertThat(file.stage()).isEqualTo(Stage.FIR_REGISTERED);
        }

        @Test
        void withoutAStandingPoliceReportConsentNoFirIsRecorded() {
            LegalFile file = AFile.justOpened();
            refused(() -> file.registerFir(firAt(Duration.ofHours(5)), false, "lo-1", NOW), ProblemType.CONSENT_REQUIRED);
            refused(() -> file.recordFirRefusal(new FirRefusal(STATION, ARRIVED.plusSeconds(3600),
                    FirRefusalReason.SENT_TO_ANOTHER_STATION, "SHO Saddar"), false, "lo-1", NOW), ProblemType.CONSENT_REQUIRED);
            assertThat(file.firs).isEmpty();
        }

        @Test
        void aRefusalIsRecordedWithItsReasonAndWhoRefused() {
            LegalFile file = AFile.justOpened();
            Happened.FirRefused done = file.recordFirRefusal(new FirRefusal(STATION, ARRIVED.plusSeconds(3 * 3600),
                    FirRefusalReason.MEDICAL_REPORT_DEMANDED_FIRST, "Duty officer, Saddar"), true, "lo-1", NOW);
            assertThat(done.fir().outcome).isEqualTo(FirOutcome.REFUSED);
            assertThat(done.fir().refusalReason).isEqualTo(FirRefusalReason.MEDICAL_REPORT_DEMANDED_FIRST);
            assertThat(done.fir().refusedBy).isEqualTo("Duty officer, Saddar");
            assertThat(file.stage()).isEqualTo(Stage.FIR_REFUSED);
            // The refusal stays on the file when the FIR is registered later.
            file.registerFir(firAt(Duration.ofHours(9)), true, "lo-1", NOW);
            assertThat(file.firs).extracting(f -> f.outcome).containsExactly(FirOutcome.REFUSED, FirOutcome.REGISTERED);
        }

        @Test
        void oneFirPerFileAndNoRefusalAfterIt() {
            LegalFile file = AFile.withFir();
            refused(() -> file.registerFir(firAt(Duration.ofHours(7)), true, "lo-1", NOW), ProblemType.CONFLICT);
            refused(() -> file.recordFirRefusal(new FirRefusal(STATION, ARRIVED.plusSeconds(3600),
                    FirRefusalReason.OTHER, "x"), true, "lo-1", NOW), ProblemType.CONFLICT);
        }

        @Test
        void timesAndSectionsAreChecked() {
            LegalFile file = AFile.justOpened();
            refused(() -> file.registerFir(firAt(Duration.ofHours(-1)), true, "lo-1", NOW), ProblemType.VALIDATION);
            refused(() -> file.registerFir(new FirRegistration(STATION, "F-1", NOW.plusSeconds(3600), List.of("PPC_376"),
                    "SI"), true, "lo-1", NOW), ProblemType.VALIDATION);
            refused(() -> file.registerFir(new FirRegistration(STATION, "F-1", ARRIVED.plusSeconds(60), List.of("PPC_999"),
                    "SI"), true, "lo-1", NOW), ProblemType.VALIDATION);
            refused(() -> file.registerFir(new FirRegistration(STATION, "F-1", ARRIVED.plusSeconds(60), List.of(),
                    "SI"), true, "lo-1", NOW), ProblemType.VALIDATION);
        }
    }

    @Nested
    class Investigation {

        @Test
        void followsARegisteredFirAndRecordsItsSteps() {
            refused(() -> AFile.justOpened().startInvestigation("ssoiu-khi", "Inspector Shazia", NOW), ProblemType.CONFLICT);
            LegalFile file = AFile.withFir();
            file.startInvestigation("ssoiu-khi", "Inspector Shazia", NOW);
            assertThat(file.stage()).isEqualTo(Stage.UNDER_INVESTIGATION);
            List<CaseEvidenceItem> evidence = List.of(AFile.item(file, "KHI-EV-2026-000042", NOW));
            UUID swabs = evidence.get(0).itemId;
            file.recordInvestigationStep(new InvestigationStep.Statement161(LocalDate.of(2026, 3, 15), true), TODAY, evidence);
            file.recordInvestigationStep(new InvestigationStep.DnaReport(LocalDate.of(2026, 4, 20), List.of(swabs)), TODAY,
                    evidence);
            file.recordInvestigationStep(new InvestigationStep.ChallanSubmitted(LocalDate.of(2026, 3, 27)), TODAY, evidence);
            assertThat(file.investigation.femaleOfficerPresent).isTrue();
            assertThat(file.investigation.dnaItemIds).containsExactly(swabs);
            assertThat(file.investigation.challanSubmittedOn).isEqualTo(LocalDate.of(2026, 3, 27));
            refused(() -> file.recordInvestigationStep(new InvestigationStep.ChallanSubmitted(LocalDate.of(2026, 3, 28)), TODAY,
                    List.of()),
                    ProblemType.CONFLICT);
            refused(() -> file.recordInvestigationStep(new InvestigationStep.Statement164(LocalDate.of(2026, 3, 1)), TODAY,
                    List.of()),
                    ProblemType.VALIDATION);
        }

        @Test
        void aDnaReportCoversOnlyEvidenceItemsRegisteredForTheCase() {
            LegalFile file = AFile.withFir();
            file.startInvestigation("ssoiu-khi", "Inspector Shazia", NOW);
            CaseEvidenceItem swabs = AFile.item(file, "KHI-EV-2026-000042", NOW);
            CaseEvidenceItem ofAnotherCase = AFile.item(AFile.justOpened(), "KHI-EV-2026-000077", NOW);
            List<CaseEvidenceItem> evidence = List.of(swabs, ofAnotherCase);
            refused(() -> file.recordInvestigationStep(new InvestigationStep.DnaReport(LocalDate.of(2026, 4, 20),
                    List.of(swabs.itemId, ofAnotherCase.itemId)), TODAY, evidence), ProblemType.VALIDATION);
            refused(() -> file.recordInvestigationStep(new InvestigationStep.DnaReport(LocalDate.of(2026, 4, 20),
                    List.of(UUID.randomUUID())), TODAY, evidence), ProblemType.VALIDATION);
            assertThat(file.investigation.dnaReportReceivedOn).as("nothing recorded by a refused report").isNull();
            file.recordInvestigationStep(new InvestigationStep.DnaReport(LocalDate.of(2026, 4, 20), List.of(swabs.itemId)),
                    TODAY, evidence);
            assertThat(file.investigation.dnaItemIds).containsExactly(swabs.itemId);
        }

        @Test
        void anAnalysisWhoseReportHasNotReachedTheInvestigationIsFlagged() {
            LegalFile file = AFile.withFir();
            file.startInvestigation("ssoiu-khi", "Inspector Shazia", NOW);
            CaseEvidenceItem atLab = AFile.item(file, "KHI-EV-2026-000041", null);
            assertThat(file.flags(TODAY, List.of(atLab))).as("not analysed yet").isEmpty();
            CaseEvidenceItem analysed = AFile.item(file, "KHI-EV-2026-000042", NOW);
            assertThat(file.flags(TODAY, List.of(atLab, analysed))).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(LegalFile.Flag.ANALYSED_WITHOUT_DNA_REPORT);
                assertThat(f.detail()).contains("KHI-EV-2026-000042").doesNotContain("KHI-EV-2026-000041");
            });
            file.recordInvestigationStep(new InvestigationStep.DnaReport(LocalDate.of(2026, 4, 20),
                    List.of(analysed.itemId)), TODAY, List.of(atLab, analysed));
            assertThat(file.flags(TODAY, List.of(atLab, analysed))).isEmpty();
        }
    }

    @Nested
    class Representation {

        @Test
        void theSameLawyerCannotActForTheAccused() {
            LegalFile file = AFile.withFir();
            file.assignLawyer(new Assignment(RepresentationRole.ACCUSED_COUNSEL, "Advocate X", "SHC-KHI-99999",
                    LocalDate.of(2026, 4, 1)), TODAY);
            refused(() -> file.assignLawyer(new Assignment(RepresentationRole.LEGAL_AID_LAWYER, "Advocate X",
                    "shc-khi-99999", LocalDate.of(2026, 4, 2)), TODAY), ProblemType.CONFLICT);

            LegalFile other = AFile.withFir();
            other.assignLawyer(new Assignment(RepresentationRole.LEGAL_AID_LAWYER, "Advocate Farah Siddiqui",
                    "SHC-KHI-22019", LocalDate.of(2026, 4, 1)), TODAY);
            refused(() -> other.assignLawyer(new Assignment(RepresentationRole.ACCUSED_COUNSEL, "Advocate Farah Siddiqui",
                    "SHC-KHI-22019", LocalDate.of(2026, 4, 2)), TODAY), ProblemType.CONFLICT);
        }

        @Test
        void assignedThenAcceptedDeclinedOrReplaced() {
            LegalFile file = AFile.withFir();
            Happened.LawyerAssigned first = file.assignLawyer(new Assignment(RepresentationRole.LEGAL_AID_LAWYER,
                    "Advocate Farah Siddiqui", "SHC-KHI-22019", LocalDate.of(2026, 3, 20)), TODAY);
            assertThat(first.assigned().status).isEqualTo(RepresentationStatus.ASSIGNED);
            assertThat(first.replaced()).isNull();
            file.lawyerResponded(first.assigned().id, true, LocalDate.of(2026, 3, 21), TODAY);
            assertThat(first.assigned().status).isEqualTo(RepresentationStatus.ACCEPTED);
            refused(() -> file.lawyerResponded(first.assigned().id, false, LocalDate.of(2026, 3, 22), TODAY), ProblemType.CONFLICT);

            Happened.LawyerAssigned second = file.assignLawyer(new Assignment(RepresentationRole.LEGAL_AID_LAWYER,
                    "Advocate Kamran Baig", "SHC-KHI-23544", LocalDate.of(2026, 5, 2)), TODAY);
            assertThat(second.replaced()).isSameAs(first.assigned());
            assertThat(first.assigned().status).isEqualTo(RepresentationStatus.REPLACED);
            assertThat(first.assigned().endedOn).isEqualTo(LocalDate.of(2026, 5, 2));
            file.lawyerResponded(second.assigned().id, false, LocalDate.of(2026, 5, 3), TODAY);
            assertThat(file.standing(RepresentationRole.LEGAL_AID_LAWYER)).isEmpty();
        }
    }

    @Nested
    class Hearings {

        @Test
        void anAdjournmentNamesItsReasonWhoSoughtItAndTheNextDate() {
            LegalFile file = AFile.inCourt();
            Hearing first = AFile.hearing(file, LocalDate.of(2026, 5, 10));
            refused(() -> file.recordHearingOutcome(first.id, new HearingResult(HearingOutcome.ADJOURNED, null, null,
                    LocalDate.of(2026, 5, 24), null), TODAY, NOW), ProblemType.VALIDATION);
            refused(() -> file.recordHearingOutcome(first.id, new HearingResult(HearingOutcome.ADJOURNED,
                    AdjournmentReason.DEFENCE_COUNSEL_ABSENT, SoughtBy.DEFENCE, null, null), TODAY, NOW), ProblemType.VALIDATION);
            Happened.HearingRecorded done = file.recordHearingOutcome(first.id, new HearingResult(HearingOutcome.ADJOURNED,
                    AdjournmentReason.DEFENCE_COUNSEL_ABSENT, SoughtBy.DEFENCE, LocalDate.of(2026, 5, 24), null), TODAY, NOW);
            assertThat(done.hearing().outcome).isEqualTo(HearingOutcome.ADJOURNED);
            assertThat(done.hearing().soughtBy).isEqualTo(SoughtBy.DEFENCE);
            assertThat(done.next().hearingOn).isEqualTo(LocalDate.of(2026, 5, 24));
            assertThat(done.next().purpose).isEqualTo(HearingPurpose.PROSECUTION_EVIDENCE);
            refused(() -> file.recordHearingOutcome(first.id, new HearingResult(HearingOutcome.HELD, null, null, null, null),
                    TODAY, NOW), ProblemType.CONFLICT);
        }

        @Test
        void aHearingOutcomeIsRecordedOnlyOnceTheDateHasCome() {
            LegalFile file = AFile.inCourt();
            Hearing later = AFile.hearing(file, TODAY.plusDays(3));
            refused(() -> file.recordHearingOutcome(later.id, new HearingResult(HearingOutcome.HELD, null, null, null, null),
                    TODAY, NOW), ProblemType.CONFLICT);
            refused(() -> file.recordHearingOutcome(UUID.randomUUID(), new HearingResult(HearingOutcome.HELD, null, null,
                    null, null), TODAY, NOW), ProblemType.NOT_FOUND);
        }

        @Test
        void aPassedHearingWithoutOutcomeIsFlagged() {
            LegalFile file = AFile.inCourt();
            Hearing passed = AFile.hearing(file, TODAY.minusDays(2));
            AFile.hearing(file, TODAY.plusDays(12));
            assertThat(file.flags(TODAY, List.of())).extracting(LegalFile.Flag::code).containsExactly(LegalFile.Flag.HEARING_WITHOUT_OUTCOME);
            file.recordHearingOutcome(passed.id, new HearingResult(HearingOutcome.HELD, null, null, null, null), TODAY, NOW);
            assertThat(file.flags(TODAY, List.of())).isEmpty();
        }

        @Test
        void aTrialWithoutANextDateIsFlaggedUntilItConcludes() {
            LegalFile file = AFile.inCourt();
            assertThat(file.flags(TODAY, List.of())).extracting(LegalFile.Flag::code).containsExactly(LegalFile.Flag.TRIAL_WITHOUT_NEXT_DATE);
            Hearing h = AFile.hearing(file, TODAY);
            assertThat(file.flags(TODAY, List.of())).isEmpty();
            file.recordHearingOutcome(h.id, new HearingResult(HearingOutcome.HELD, null, null, null, null), TODAY, NOW);
            assertThat(file.flags(TODAY, List.of())).extracting(LegalFile.Flag::code).containsExactly(LegalFile.Flag.TRIAL_WITHOUT_NEXT_DATE);
            Hearing last = AFile.hearing(file, TODAY.plusDays(1));
            file.recordHearingOutcome(last.id, new HearingResult(HearingOutcome.CONCLUDED, null, null, null, null),
                    TODAY.plusDays(1), NOW);
            assertThat(file.flags(TODAY.plusDays(2), List.of())).isEmpty();
        }
    }

    @Nested
    class VerdictAndAppeal {

        @Test
        void aConvictionUnderAScheduledOffenceIsForTheRegister() {
            LegalFile file = AFile.inCourt();
            Happened.VerdictRecorded done = file.recordVerdict(new VerdictRecord(VerdictOutcome.CONVICTED,
                    List.of("PPC_376", "PECA_24"), "Imprisonment for life and fine", LocalDate.of(2026, 8, 20)), SCHEDULED, TODAY, NOW);
            assertThat(done.registerSections()).containsExactly("PPC_376");
            assertThat(done.notifiesRegister()).isTrue();
            assertThat(file.stage()).isEqualTo(Stage.DECIDED);
        }

        @Test
        void noNoticeForAnAcquittalOrAConvictionOutsideTheSchedule() {
            LegalFile acquitted = AFile.inCourt();
            assertThat(acquitted.recordVerdict(new VerdictRecord(VerdictOutcome.ACQUITTED, List.of("PPC_376"), null,
                    LocalDate.of(2026, 8, 20)), SCHEDULED, TODAY, NOW).notifiesRegister()).isFalse();
            LegalFile harassment = AFile.inCourt();
            assertThat(harassment.recordVerdict(new VerdictRecord(VerdictOutcome.CONVICTED, List.of("PPC_509"), "Fine",
                    LocalDate.of(2026, 8, 20)), SCHEDULED, TODAY, NOW).notifiesRegister()).isFalse();
        }

        @Test
        void theVerdictIsRecordedOnceAndAConvictionNeedsSectionsAndSentence() {
            LegalFile file = AFile.inCourt();
            refused(() -> file.recordVerdict(new VerdictRecord(VerdictOutcome.CONVICTED, List.of(), "x",
                    LocalDate.of(2026, 8, 20)), SCHEDULED, TODAY, NOW), ProblemType.VALIDATION);
            refused(() -> file.recordVerdict(new VerdictRecord(VerdictOutcome.CONVICTED, List.of("PPC_376"), " ",
                    LocalDate.of(2026, 8, 20)), SCHEDULED, TODAY, NOW), ProblemType.VALIDATION);
            file.recordVerdict(new VerdictRecord(VerdictOutcome.ACQUITTED, List.of(), null, LocalDate.of(2026, 8, 20)),
                    SCHEDULED, TODAY, NOW);
            refused(() -> file.recordVerdict(new VerdictRecord(VerdictOutcome.CONVICTED, List.of("PPC_376"), "x",
                    LocalDate.of(2026, 8, 21)), SCHEDULED, TODAY, NOW), ProblemType.CONFLICT);
            refused(() -> AFile.hearing(file, TODAY.plusDays(3)), ProblemType.CONFLICT);
            refused(() -> AFile.withFir().recordVerdict(new VerdictRecord(VerdictOutcome.ACQUITTED, List.of(), null,
                    LocalDate.of(2026, 8, 20)), SCHEDULED, TODAY, NOW), ProblemType.CONFLICT);
        }

        @Test
        void anAppealFollowsTheVerdictAndIsDecidedOnce() {
            LegalFile file = AFile.inCourt();
            refused(() -> file.fileAppeal(AppealBy.CONVICT, "Sindh High Court", TODAY, TODAY), ProblemType.CONFLICT);
            file.recordVerdict(new VerdictRecord(VerdictOutcome.CONVICTED, List.of("PPC_376"), "Life", LocalDate.of(2026, 7, 1)),
                    SCHEDULED, TODAY, NOW);
            Appeal appeal = file.fileAppeal(AppealBy.CONVICT, "Sindh High Court", LocalDate.of(2026, 7, 20), TODAY).appeal();
            refused(() -> file.fileAppeal(AppealBy.PROSECUTION, "Sindh High Court", LocalDate.of(2026, 7, 21), TODAY),
                    ProblemType.CONFLICT);
            file.decideAppeal(appeal.id, AppealOutcome.DISMISSED, LocalDate.of(2026, 8, 30), TODAY);
            refused(() -> file.decideAppeal(appeal.id, AppealOutcome.ALLOWED, LocalDate.of(2026, 8, 31), TODAY), ProblemType.CONFLICT);
        }
    }

    @Test
    void aClosedFileTakesNoMoreSteps() {
        LegalFile file = AFile.justOpened();
        assertThat(file.close(NOW)).isTrue();
        assertThat(file.close(NOW.plusSeconds(5))).as("closed once").isFalse();
        refused(() -> file.registerFir(firAt(Duration.ofHours(5)), true, "lo-1", NOW), ProblemType.CONFLICT);
    }

    @Test
    void theFileFollowsTheCaseToAnotherCell() {
        LegalFile file = AFile.justOpened();
        file.movedTo("ISB");
        assertThat(file.cellCode).isEqualTo("ISB");
    }

    @Test
    void eachNewStageIsAnnouncedOnceAndAnOpenFileAnnouncesNothing() {
        LegalFile file = AFile.justOpened();
        assertThat(file.stageToAnnounce()).as("a file without an FIR has nothing to tell").isEmpty();
        file.registerFir(firAt(Duration.ofHours(5)), true, "lo-1", NOW);
        assertThat(file.stageToAnnounce()).contains(Stage.FIR_REGISTERED);
        assertThat(file.stageToAnnounce()).as("announced once").isEmpty();
        file.startInvestigation("ssoiu-khi", "Inspector Shazia Parveen", NOW);
        assertThat(file.stageToAnnounce()).contains(Stage.UNDER_INVESTIGATION);
        assertThat(file.announcedStage).isEqualTo(Stage.UNDER_INVESTIGATION);
    }
}
