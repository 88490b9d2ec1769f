package org.arcc.cases.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.cases.domain.medicolegal.CaseEvidenceItem;
import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.inbox.ReceivedEvent;
import org.arcc.contracts.Topics;
import org.arcc.contracts.evidence.CustodyRecorded;
import org.arcc.contracts.evidence.EvidenceItemRegistered;

import io.quarkus.runtime.StartupEvent;

/**
 * What the cases service learns from the evidence service: which items were registered for each case and when each
 * was first sealed, so that a medico-legal report's samples can be checked against them. Ids, kit numbers, types
 * and times only. Each event is applied once (the inbox); one item's events arrive in order (keyed by item).
 */
@ApplicationScoped
public class EvidenceEvents {

    public static final String CONSUMER = "cases-evidence";

    @Inject
    EventConsumers consumers;

    void onStart(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.EVIDENCE), this::apply);
    }

    void apply(ReceivedEvent event) {
        if (EvidenceItemRegistered.TYPE.type().equals(event.type())) {
            registered(event.payload(EvidenceItemRegistered.class));
        } else if (CustodyRecorded.TYPE.type().equals(event.type())) {
            CustodyRecorded e = event.payload(CustodyRecorded.class);
            if ("SEALED".equals(e.action())) {
                CaseEvidenceItem item = CaseEvidenceItem.findById(e.itemId());
                if (item != null && (item.sealedAt == null || e.recordedAt().isBefore(item.sealedAt))) {
                    item.sealedAt = e.recordedAt();
                }
            }
        }
        // Other evidence facts do not concern the report's checks.
    }

    private static void registered(EvidenceItemRegistered e) {
        if (CaseEvidenceItem.findById(e.itemId()) == null) {
            CaseEvidenceItem item = new CaseEvidenceItem();
            item.itemId = e.itemId();
            item.caseId = e.caseId();
            item.kitNumber = e.kitNumber();
            item.itemType = e.itemType();
            item.collectedAt = e.collectedAt();
            item.persist();
        }
    }
}
