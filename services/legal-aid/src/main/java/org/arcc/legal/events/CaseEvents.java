package org.arcc.legal.events;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.inbox.EventDispatch;
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

    // The cases service publishes both versions of case-opened while v1 is retired (ADR 0002); either one opens
    // the file, v2 adds the legal sections of the intake. Other facts of a case do not concern the legal file.
    private final EventDispatch dispatch = new EventDispatch()
            .on(CaseOpened.TYPE, CaseOpened.class,
                    e -> opened(e.caseId(), e.reference(), e.cell(), List.of(), e.arrivedAt(), e.openedAt()))
            .on(CaseOpenedV2.TYPE, CaseOpenedV2.class,
                    e -> opened(e.caseId(), e.reference(), e.cell(), e.legalSections(), e.arrivedAt(), e.openedAt()))
            .on(TransferAccepted.TYPE, TransferAccepted.class, this::moved)
            .on(CaseClosed.TYPE, CaseClosed.class, this::closed)
            .on(ConsentGiven.TYPE, ConsentGiven.class, this::given)
            .on(ConsentWithdrawn.TYPE, ConsentWithdrawn.class, this::withdrawn);

    void apply(ReceivedEvent event) {
        dispatch.apply(event);
    }

    private void moved(TransferAccepted e) {
        LegalFile file = LegalFile.findById(e.caseId());
        if (file != null) {
            file.movedTo(e.toCell());
            deadlines.refresh(file);
        }
    }

    private void closed(CaseClosed e) {
        LegalFile file = LegalFile.findById(e.caseId());
        if (file != null) {
            file.close(e.closedAt());
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
