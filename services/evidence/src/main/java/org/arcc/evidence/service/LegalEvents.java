package org.arcc.evidence.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.inbox.ReceivedEvent;
import org.arcc.contracts.Topics;
import org.arcc.contracts.legal.LegalStageChanged;
import org.arcc.evidence.domain.LegalStage;

import io.quarkus.runtime.StartupEvent;

/**
 * What the evidence service learns from the legal-aid service: the coarse stage of a case's legal file, so that the
 * survivor's status lookup can answer it. Only the stage code and the month are kept. Each event is applied once
 * (the inbox).
 */
@ApplicationScoped
public class LegalEvents {

    public static final String CONSUMER = "evidence-legal";

    @Inject
    EventConsumers consumers;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        consumers.start(CONSUMER, List.of(Topics.LEGAL), this::apply);
    }

    void apply(ReceivedEvent event) {
        if (LegalStageChanged.TYPE.type().equals(event.type())) {
            LegalStageChanged e = event.payload(LegalStageChanged.class);
            LegalStage.record(e.caseId(), e.stage(), e.month(), clock.instant());
        }
        // The other legal facts do not concern evidence.
    }
}
