package org.arcc.legal.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.inbox.ReceivedEvent;
import org.arcc.contracts.Topics;
import org.arcc.contracts.evidence.CustodyRecorded;
import org.arcc.contracts.evidence.EvidenceItemRegistered;
import org.arcc.legal.domain.CaseEvidenceItem;

import io.quarkus.runtime.StartupEvent;

/**
 * What the legal-aid service learns from the evidence service: the evidence items of each case (a DNA report on the
 * legal file may cover only these) and when a lab recorded an item's analysis (the file flags an analysis whose
 * report has not reached the investigation). Ids, kit numbers, type codes and times only. Each event is applied once
 * (the inbox).
 */
@ApplicationScoped
public class EvidenceEvents {

    public static final String CONSUMER = "legal-aid-evidence";
    /** The custody action a lab records with its result (evidence service, {@code CustodyAction.ANALYSED}). */
    static final String ANALYSED = "ANALYSED";

    @Inject
    EventConsumers consumers;

    void onStart(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.EVIDENCE), this::apply);
    }

    void apply(ReceivedEvent event) {
        if (EvidenceItemRegistered.TYPE.type().equals(event.type())) {
            EvidenceItemRegistered e = event.payload(EvidenceItemRegistered.class);
            if (CaseEvidenceItem.findById(e.itemId()) == null) {
                CaseEvidenceItem.registered(e.itemId(), e.caseId(), e.kitNumber(), e.itemType(), e.collectedAt()).persist();
            }
        } else if (CustodyRecorded.TYPE.type().equals(event.type())) {
            CustodyRecorded e = event.payload(CustodyRecorded.class);
            if (ANALYSED.equals(e.action())) {
                CaseEvidenceItem item = CaseEvidenceItem.findById(e.itemId());
                // An item's events share its key, so its registration is applied before its custody entries.
                if (item != null && item.analysedAt == null) {
                    item.analysedAt = e.recordedAt();
                }
            }
        }
        // Other evidence facts (checkpoints, anomalies, disposal) do not concern the legal file.
    }
}
