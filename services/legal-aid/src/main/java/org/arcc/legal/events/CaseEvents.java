package org.arcc.legal.events;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.inbox.ReceivedEvent;
import org.arcc.contracts.Topics;
import org.arcc.contracts.cases.CaseClosed;
import org.arcc.contracts.cases.CaseOpened;
import org.arcc.contracts.cases.CaseOpenedV2;
import org.arcc.contracts.cases.ConsentGiven;
import org.arcc.contracts.cases.ConsentWithdrawn;
import org.arcc.contracts.cases.TransferAccepted;
import org.arcc.legal.domain.CaseConsent;
import org.arcc.legal.domain.LegalFile;
import org.arcc.legal.service.Deadlines;

import io.quarkus.runtime.StartupEvent;

/**
 * What the legal-aid service learns from the cases service: a legal file opens with each case (no re-entry),
 * follows it to another cell on an accepted transfer and closes with it; consents are kept per case, because an
 * FIR needs a standing consent to a police report. Each event is applied once (the inbox).
 */
@ApplicationScoped
public class CaseEvents {

    public static final String CONSUMER = "legal-aid-cases";

    @Inject
    EventConsumers consumers;

    @Inject
    Deadlines deadlines;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.CASES), this::apply);
    }

    void apply(ReceivedEvent event) {
        switch (event.type()) {
            // The cases service publishes both versions while v1 is retired (ADR 0002); either one opens the file,
            // v2 adds the legal sections of the intake.
            case "arcc.case.opened.v1" -> {
                CaseOpened e = event.payload(CaseOpened.class);
                opened(e.caseId(), e.reference(), e.cell(), List.of(), e.arrivedAt(), e.openedAt());
            }
            case "arcc.case.opened.v2" -> {
                CaseOpenedV2 e = event.payload(CaseOpenedV2.class);
                opened(e.caseId(), e.reference(), e.cell(), e.legalSections(), e.arrivedAt(), e.openedAt());
            }
            case "arcc.case.transfer-accepted.v1" -> {
                TransferAccepted e = event.payload(TransferAccepted.class);
                LegalFile file = LegalFile.findById(e.caseId());
                if (file != null) {
                    file.movedTo(e.toCell());
                    deadlines.refresh(file);
                }
            }
            case "arcc.case.closed.v1" -> {
                CaseClosed e = event.payload(CaseClosed.class);
                LegalFile file = LegalFile.findById(e.caseId());
                if (file != null) {
                    file.close(e.closedAt());
                }
            }
            case "arcc.case.consent-given.v1" -> given(event.payload(ConsentGiven.class));
            case "arcc.case.consent-withdrawn.v1" -> withdrawn(event.payload(ConsentWithdrawn.class));
            default -> {
                // Other facts of a case do not concern the legal file.
            }
        }
    }

    private void opened(UUID caseId, String reference, String cell, List<String> sections, java.time.Instant arrivedAt,
            java.time.Instant openedAt) {
        LegalFile file = LegalFile.findById(caseId);
        if (file == null) {
            file = LegalFile.open(caseId, reference, cell, sections, arrivedAt, openedAt);
            file.persist();
        } else if (file.caseSections.isEmpty() && sections != null && !sections.isEmpty()) {
            file.caseSections = new java.util.ArrayList<>(sections);
        }
        deadlines.refresh(file);
    }

    private void given(ConsentGiven e) {
        if (CaseConsent.findById(e.consentId()) == null) {
            CaseConsent consent = new CaseConsent();
            consent.consentId = e.consentId();
            consent.caseId = e.caseId();
            consent.purpose = e.purpose();
            consent.active = true;
            consent.changedAt = e.givenAt();
            consent.persist();
        }
        refreshDeadlines(e.caseId(), e.purpose());
    }

    private void withdrawn(ConsentWithdrawn e) {
        CaseConsent consent = CaseConsent.findById(e.consentId());
        if (consent != null) {
            consent.active = false;
            consent.changedAt = e.withdrawnAt();
        }
        refreshDeadlines(e.caseId(), e.purpose());
    }

    /** The FIR target exists only while the survivor consents to a police report. */
    private void refreshDeadlines(UUID caseId, String purpose) {
        if (CaseConsent.POLICE_REPORT.equals(purpose)) {
            CaseConsent.flush();
            LegalFile file = LegalFile.findById(caseId);
            if (file != null) {
                deadlines.refresh(file);
            }
        }
    }
}
