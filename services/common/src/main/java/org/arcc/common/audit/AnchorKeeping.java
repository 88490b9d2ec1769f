package org.arcc.common.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.arcc.common.inbox.EventConsumers;
import org.arcc.common.inbox.ReceivedEvent;
import org.arcc.common.outbox.OutboxSettings;
import org.arcc.contracts.Topics;
import org.arcc.contracts.audit.AuditHeadsSigned;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the configured peers' signed audit heads ({@code arcc.audit.peers.*}): the cases service keeps the
 * evidence service's and the other way round, so that each trail has anchors in a database its owner does not
 * control. Reads {@code arcc.anchors.v1} through the inbox, like every consumer.
 */
@ApplicationScoped
public class AnchorKeeping {

    @Inject
    EventConsumers consumers;

    @Inject
    AuditAnchors anchors;

    @Inject
    AuditSettings settings;

    @Inject
    OutboxSettings outboxSettings;

    void onStart(@Observes StartupEvent event) {
        if (!settings.peers().isEmpty()) {
            consumers.start(consumerName(), List.of(Topics.ANCHORS), this::apply);
        }
    }

    /** e.g. {@code cases-anchors} for {@code /arcc/cases}: stable, one per keeping service. */
    public String consumerName() {
        String source = outboxSettings.source();
        return source.substring(source.lastIndexOf('/') + 1) + "-anchors";
    }

    void apply(ReceivedEvent event) {
        if (AuditHeadsSigned.TYPE.type().equals(event.type())) {
            anchors.keep(event.payload(AuditHeadsSigned.class));
        }
    }
}
