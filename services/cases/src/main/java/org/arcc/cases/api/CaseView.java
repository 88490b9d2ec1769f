package org.arcc.cases.api;

import java.time.Instant;
import java.util.UUID;

import org.arcc.cases.domain.SurvivorCase;

/** A case as staff of its cell see it: reference, codes and times, no identity. */
public record CaseView(UUID id, String reference, String cell, String channel, String ageBand, boolean child,
        String status, Instant arrivedAt, Instant openedAt, long version) {

    static CaseView of(SurvivorCase c) {
        return new CaseView(c.id, c.reference, c.cellCode, c.channel.name(), c.ageBand.name(), c.ageBand.isChild(),
                c.status.name(), c.arrivedAt, c.openedAt, c.version);
    }
}
