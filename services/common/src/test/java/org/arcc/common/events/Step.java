package org.arcc.common.events;

import org.arcc.contracts.EventType;

/** Test event: step {@code seq} (1, 2, 3, …) of an aggregate; a poison step makes the handler fail. */
public record Step(String aggregateId, int seq, boolean poison) {

    public static final String TOPIC = "arcc.test.v1";

    public static final EventType TYPE = new EventType("arcc.test.step.v1", TOPIC, "test");
}
