package org.arcc.cases.domain.medicolegal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every check of a medico-legal report blocks signing, and the supervisor's override (where allowed) is recorded. */
@UnitTest
class ReportChecksTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000ca");
    private static final String OFFICER = "mo-khi-1";
    private static final String SUPERVISOR = "sup-khi-1";

    @Test
    void journeyOnesReportPassesEveryCheckAndIsSigned() {
        AReport r = AReport.journeyOne();
        assertThat(ReportChecks.run(r.content(), r.context())).isEmpty();
        MedicoLegalReport report = MedicoLegalReport.none(CASE);
        report.draft(r.content(), OFFICER, AReport.NOW, r.context());
        MedicoLegalReport.Signing signing = report.sign(OFFICER, AReport.NOW, r.context());
        assertThat(signing).isInstanceOfSatisfying(MedicoLegalReport.Signed.class, s -> {
            assertThat(s.version().signedBy()).isEqualTo(OFFICER);
            assertThat(s.overridden()).isEmpty();
        });
    }

    @Test
    void journeyTwosLateExaminationWithItsReasonPasses() {
        AReport r = AReport.journeyTwo();
        assertThat(ReportChecks.run(r.content(), r.context())).isEmpty();
        assertThat(ReportChecks.run(r.withoutBreachReason().content(), r.context())).extracting(CheckFinding::check)
                .containsExactly(ReportCheck.SIX_HOUR_LIMIT);
    }

    /** One spoiled report per check: what it breaks, and the only check that must find it. */
    static Stream<Arguments> spoiled() {
        return Stream.of(
                Arguments.of(ReportCheck.REQUIRED_FIELDS, (Supplier<AReport>) () -> AReport.journeyOne().withoutPlace()),
                Arguments.of(ReportCheck.CONSENT_ON_RECORD, (Supplier<AReport>) () -> AReport.journeyOne()
                        .onConsent(UUID.randomUUID())),
                Arguments.of(ReportCheck.TIMES_CONSISTENT, (Supplier<AReport>) () -> AReport.journeyOne()
                        .endedAt(AReport.ARRIVED.plus(Duration.ofHours(1)))),
                Arguments.of(ReportCheck.SAMPLES_REGISTERED, (Supplier<AReport>) () -> AReport.journeyOne()
                        .withUnregisteredSample()),
                Arguments.of(ReportCheck.COLLECTED_ITEMS_REPORTED, (Supplier<AReport>) () -> AReport.journeyOne()
                        .withoutSample(1)),
                Arguments.of(ReportCheck.SIX_HOUR_LIMIT, (Supplier<AReport>) () -> AReport
                        .journeyOneExaminedAfter(Duration.ofHours(6).plusMinutes(1))),
                Arguments.of(ReportCheck.FORBIDDEN_TEST_MENTIONED, (Supplier<AReport>) () -> AReport.journeyOne()
                        .withGeneralFindings("Hymen torn, old healed tears.")),
                Arguments.of(ReportCheck.SEXUAL_HISTORY_MENTIONED, (Supplier<AReport>) () -> AReport.journeyOne()
                        .withHistory("Neighbours say she is of loose character.")),
                Arguments.of(ReportCheck.ABSENCE_OF_INJURY_STATED, (Supplier<AReport>) () -> AReport.journeyTwo()
                        .absenceOfInjuryStated(false)),
                Arguments.of(ReportCheck.OPINION_WITHIN_FINDINGS, (Supplier<AReport>) () -> AReport.journeyTwo()
                        .opinion(ExamOpinion.FINDINGS_CONSISTENT_WITH_HISTORY)));
    }

    @Test
    void everyCheckHasASpoiledReport() {
        assertThat(spoiled().map(a -> (ReportCheck) a.get()[0]).toList()).containsExactlyInAnyOrder(ReportCheck.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiled")
    void eachCheckBlocksSigningAndOnlyItFindsTheFault(ReportCheck check, Supplier<AReport> spoiled) {
        AReport r = spoiled.get();
        assertThat(ReportChecks.run(r.content(), r.context())).extracting(CheckFinding::check).containsOnly(check);

        MedicoLegalReport report = MedicoLegalReport.none(CASE);
        report.draft(r.content(), OFFICER, AReport.NOW, r.context());
        assertThat(report.sign(OFFICER, AReport.NOW, r.context())).isInstanceOfSatisfying(MedicoLegalReport.Blocked.class,
                b -> assertThat(b.findings()).extracting(CheckFinding::check).containsOnly(check));
        assertThat(report.current().orElseThrow().signed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiled")
    void aSupervisorsOverrideIsRecordedAndLetsTheReportBeSignedExceptForAForbiddenTest(ReportCheck check,
            Supplier<AReport> spoiled) {
        AReport r = spoiled.get();
        MedicoLegalReport report = MedicoLegalReport.none(CASE);
        report.draft(r.content(), OFFICER, AReport.NOW, r.context());
        String reason = "Reviewed with the officer; the record stands as written for this reason.";
        if (!check.overridable()) {
            assertThatThrownBy(() -> report.override(check, reason, SUPERVISOR, AReport.NOW, r.context()))
                    .isInstanceOf(ReportStepRefused.class).hasMessageContaining("cannot be overridden");
            assertThat(report.sign(OFFICER, AReport.NOW, r.context())).isInstanceOf(MedicoLegalReport.Blocked.class);
            return;
        }
        MedicoLegalReport.Overridden overridden = report.override(check, reason, SUPERVISOR, AReport.NOW, r.context());
        assertThat(overridden.override()).isEqualTo(new MedicoLegalReport.CheckOverride(check, reason, SUPERVISOR, AReport.NOW));
        assertThat(report.sign(OFFICER, AReport.NOW, r.context())).isInstanceOfSatisfying(MedicoLegalReport.Signed.class,
                s -> {
                    assertThat(s.overridden()).containsExactly(check);
                    assertThat(s.version().overrides()).extracting(MedicoLegalReport.CheckOverride::reason).containsExactly(reason);
                });
    }

    @Test
    void anOverrideNeedsAReasonAndSomethingToOverride() {
        AReport r = AReport.journeyOne();
        MedicoLegalReport report = MedicoLegalReport.none(CASE);
        report.draft(r.withoutPlace().content(), OFFICER, AReport.NOW, r.context());
        assertThatThrownBy(() -> report.override(ReportCheck.REQUIRED_FIELDS, "ok", SUPERVISOR, AReport.NOW, r.context()))
                .isInstanceOf(ReportStepRefused.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> report.override(ReportCheck.SIX_HOUR_LIMIT, "Nothing wrong but overriding anyway",
                SUPERVISOR, AReport.NOW, r.context())).isInstanceOf(ReportStepRefused.class)
                .hasMessageContaining("finds nothing");
    }

    @Test
    void theScreenCatchesCommonSpellingsAndScripts() {
        for (String text : List.of("Two-Finger test negative", "2 finger test done", "admits two fingers easily",
                "HYMEN intact", "she is not a virgin", "kunwari nahi", "پردہ بکارت پھٹا ہوا", "ٹو فنگر ٹیسٹ",
                "Hy\u200Bmen")) {
            assertThat(ProhibitedTextScreen.forbiddenTest(text)).as(text).isPresent();
        }
        for (String text : List.of("habituated to intercourse", "Bad-Chalan larki", "بدچلن", "sexually active",
                "she was promiscuous")) {
            assertThat(ProhibitedTextScreen.sexualHistory(text)).as(text).isPresent();
        }
        for (String text : List.of("Bruise on the left forearm", "Fingernail scrapings taken", "Virginia Road clinic",
                "character of the wound: incised")) {
            assertThat(ProhibitedTextScreen.forbiddenTest(text)).as(text).isEmpty();
            assertThat(ProhibitedTextScreen.sexualHistory(text)).as(text).isEmpty();
        }
    }

    @Test
    void aFindingNeverRepeatsWhatTheOfficerWrote() {
        AReport r = AReport.journeyOne().withHistory("Zainab said the neighbour's two-finger remark...");
        assertThat(ReportChecks.run(r.content(), r.context())).allSatisfy(f -> assertThat(f.detail())
                .doesNotContain("Zainab").doesNotContain("neighbour"));
    }

    @Test
    void aSignedReportChangesOnlyByAnAmendmentWithAReasonByItsSignerOrTheSupervisor() {
        AReport r = AReport.journeyOne();
        MedicoLegalReport report = MedicoLegalReport.none(CASE);
        report.draft(r.content(), OFFICER, AReport.NOW, r.context());
        report.sign(OFFICER, AReport.NOW, r.context());

        assertThatThrownBy(() -> report.draft(r.content(), OFFICER, AReport.NOW, r.context()))
                .isInstanceOf(ReportStepRefused.class).hasMessageContaining("amendment");
        assertThatThrownBy(() -> report.sign(OFFICER, AReport.NOW, r.context())).isInstanceOf(ReportStepRefused.class);
        assertThatThrownBy(() -> report.amend(r.content(), "Typo in the place of examination", "mo-khi-2", false,
                AReport.NOW, r.context())).isInstanceOfSatisfying(ReportStepRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(ReportStepRefused.Kind.NOT_YOURS));
        assertThatThrownBy(() -> report.amend(r.content(), "typo", OFFICER, false, AReport.NOW, r.context()))
                .isInstanceOf(ReportStepRefused.class).hasMessageContaining("reason");

        Instant later = AReport.NOW.plusSeconds(3600);
        MedicoLegalReport.Signing amended = report.amend(r.withGeneralFindings("Conscious, oriented. BP 120/80.").content(),
                "Blood pressure was left out of the general findings", SUPERVISOR, true, later, r.context());
        assertThat(amended).isInstanceOfSatisfying(MedicoLegalReport.Signed.class, s -> {
            assertThat(s.amendment()).isTrue();
            assertThat(s.version().number()).isEqualTo(2);
        });
        assertThat(report.versions()).extracting(MedicoLegalReport.Version::number).containsExactly(1, 2);
        assertThat(report.versions().get(0).content().generalFindings()).startsWith("Conscious, oriented, distressed");

        MedicoLegalReport.Signing forbidden = report.amend(r.withGeneralFindings("Hymen: not examined").content(),
                "Adding a note on what was not examined", OFFICER, false, later, r.context());
        assertThat(forbidden).isInstanceOf(MedicoLegalReport.Blocked.class);
        assertThat(report.versions()).hasSize(2);
    }

    @Test
    void theCanonicalFormIsStableAndCoversTheContent() {
        AReport r = AReport.journeyOne();
        MedicoLegalReport report = MedicoLegalReport.none(CASE);
        report.draft(r.content(), OFFICER, AReport.NOW, r.context());
        MedicoLegalReport.Version signed = ((MedicoLegalReport.Signed) report.sign(OFFICER, AReport.NOW, r.context())).version();
        String hash = ReportCanonicalForm.sha256(ReportCanonicalForm.of(CASE, signed));
        assertThat(ReportCanonicalForm.sha256(ReportCanonicalForm.of(CASE, signed))).isEqualTo(hash).hasSize(64);
        MedicoLegalReport.Version changed = new MedicoLegalReport.Version(1, r.withHistory("Other").content(),
                signed.status(), signed.overrides(), signed.draftedBy(), signed.updatedAt(), signed.signedBy(),
                signed.signedAt(), null, signed.findingsAtSigning());
        assertThat(ReportCanonicalForm.sha256(ReportCanonicalForm.of(CASE, changed))).isNotEqualTo(hash);
    }
}
