package org.arcc.legal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arcc.legal.domain.Codes.HearingPurpose;

/** Legal files at a given point of the pathway, for rule tests (no database). */
final class AFile {

    static final Instant ARRIVED = Instant.parse("2026-03-14T15:00:00Z");
    static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    static final String STATION = "ps-khi-women-saddar";

    private AFile() {
    }

    /** Journey 1: adult survivor in Karachi, rape and cyber-stalking. */
    static LegalFile justOpened() {
        return LegalFile.open(UUID.randomUUID(), "KHI-2026-00042", "KHI", List.of("PPC_376", "PECA_24"), ARRIVED,
                ARRIVED.plusSeconds(600));
    }

    /** FIR registered five hours after arrival. */
    static LegalFile withFir() {
        LegalFile file = justOpened();
        file.registerFir(new LegalFile.FirRegistration(STATION, "FIR-311/2026", ARRIVED.plusSeconds(5 * 3600),
                List.of("PPC_376", "PECA_24"), "SI Rukhsana Bibi"), true, "legal-officer-1", ARRIVED.plusSeconds(6 * 3600));
        return file;
    }

    /** In the Karachi special court since 1 May 2026, in camera. */
    static LegalFile inCourt() {
        LegalFile file = withFir();
        file.openTrial(new LegalFile.TrialOpening("Special Court (Anti-Rape), Karachi South", "SC-AR-17/2026",
                "Judge A. Memon", true, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 3)), TODAY);
        return file;
    }

    static Hearing hearing(LegalFile file, LocalDate on) {
        return file.scheduleHearing(on, HearingPurpose.PROSECUTION_EVIDENCE).hearing();
    }

    /** An evidence item the evidence service registered for the file's case; analysed by a lab when {@code analysedAt} is set. */
    static CaseEvidenceItem item(LegalFile file, String kitNumber, Instant analysedAt) {
        CaseEvidenceItem item = CaseEvidenceItem.registered(UUID.randomUUID(), file.caseId, kitNumber, "SWABS",
                ARRIVED.plusSeconds(3 * 3600));
        item.analysedAt = analysedAt;
        return item;
    }
}
