package org.arcc.evidence.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.inbox.EventDispatch;
import org.arcc.common.inbox.ReceivedEvent;
import org.arcc.contracts.Topics;
import org.arcc.contracts.cases.CaseOpened;
import org.arcc.contracts.cases.CaseOpenedV2;
import org.arcc.contracts.cases.ConsentGiven;
import org.arcc.contracts.cases.ConsentWithdrawn;
import org.arcc.contracts.cases.TransferAccepted;
import org.arcc.evidence.domain.CaseConsent;
import org.arcc.evidence.domain.CaseProjection;
import org.arcc.evidence.domain.CustodyAction;
import org.arcc.evidence.domain.EvidenceItem;

import io.quarkus.runtime.StartupEvent;

/**
 * What the evidence service learns from the cases service: which cell a case belongs to (and its move on a
 * transfer) and the consents to evidence collection and testing. Consent to testing arriving releases the
 * case's restricted items for the lab; its withdrawal restricts the items not yet at a lab. Both are written
 * into the items' custody logs.
 */
@ApplicationScoped
public class CaseEvents {

    public static final String CONSUMER = "evidence-cases";
    static final String SERVICE = "arcc-evidence";

    @Inject
    EventConsumers consumers;

    @Inject
    CustodyLog log;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.CASES), this::apply);
    }

    // The cases service publishes both versions of case-opened while v1 is retired (ADR 0002); either one is
    // enough. Other facts of a case do not concern evidence.
    private final EventDispatch dispatch = new EventDispatch()
            .on(CaseOpened.TYPE, CaseOpened.class, e -> opened(e.caseId(), e.cell()))
            .on(CaseOpenedV2.TYPE, CaseOpenedV2.class, e -> opened(e.caseId(), e.cell()))
            .on(TransferAccepted.TYPE, TransferAccepted.class, this::moved)
            .on(ConsentGiven.TYPE, ConsentGiven.class, this::given)
            .on(ConsentWithdrawn.TYPE, ConsentWithdrawn.class, this::withdrawn);

    void apply(ReceivedEvent event) {
        dispatch.apply(event);
    }

    private void opened(java.util.UUID caseId, String cell) {
        CaseProjection c = CaseProjection.findById(caseId);
        if (c == null) {
            c = new CaseProjection();
            c.caseId = caseId;
            c.cellCode = cell;
            c.updatedAt = clock.instant();
            c.persist();
        }
    }

    private void moved(TransferAccepted e) {
        CaseProjection c = CaseProjection.findById(e.caseId());
        if (c != null) {
            c.cellCode = e.toCell();
            c.updatedAt = clock.instant();
        }
        // Visibility follows the case; the custody log is not touched (journey 4).
        EvidenceItem.update("cellCode = ?1 where caseId = ?2", e.toCell(), e.caseId());
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
        if (CaseConsent.EVIDENCE_TESTING.equals(e.purpose())) {
            for (EvidenceItem item : EvidenceItem.<EvidenceItem>list("caseId = ?1 and restricted = true", e.caseId())) {
                item.restricted = false;
                log.append(item, CustodyAction.RELEASED_FOR_TESTING, SERVICE, e.givenAt(),
                        Map.of("consentId", e.consentId().toString(), "reason", "consent to evidence testing given"));
            }
        }
    }

    private void withdrawn(ConsentWithdrawn e) {
        CaseConsent consent = CaseConsent.findById(e.consentId());
        if (consent != null) {
            consent.active = false;
            consent.changedAt = e.withdrawnAt();
        }
        if (CaseConsent.EVIDENCE_TESTING.equals(e.purpose())
                && !CaseConsent.stands(e.caseId(), CaseConsent.EVIDENCE_TESTING)) {
            for (EvidenceItem item : EvidenceItem.<EvidenceItem>list(
                    "caseId = ?1 and restricted = false and labReceivedAt is null", e.caseId())) {
                item.restricted = true;
                log.append(item, CustodyAction.RESTRICTED, SERVICE, e.withdrawnAt(),
                        Map.of("consentId", e.consentId().toString(), "reason", "consent to evidence testing withdrawn"));
            }
        }
    }
}
