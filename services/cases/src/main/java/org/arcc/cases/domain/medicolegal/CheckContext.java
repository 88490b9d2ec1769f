package org.arcc.cases.domain.medicolegal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the checks need to know besides the report: when the survivor arrived, the time now, the evidence items
 * registered for the case, and the case's standing consents to examination or evidence collection.
 */
public record CheckContext(Instant arrivedAt, Instant now, List<RegisteredItem> items, Set<UUID> examConsents) {

    public CheckContext {
        items = List.copyOf(items);
        examConsents = Set.copyOf(examConsents);
    }
}
