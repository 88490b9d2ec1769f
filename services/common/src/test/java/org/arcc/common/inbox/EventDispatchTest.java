package org.arcc.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.contracts.EventType;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Handlers are found by the contract's type constant; a type nobody handles is skipped, never mis-routed. */
@UnitTest
class EventDispatchTest {

    private static final EventType OPENED = new EventType("arcc.test.opened.v1", "arcc.test.v1", "thing");
    private static final EventType CLOSED = new EventType("arcc.test.closed.v1", "arcc.test.v1", "thing");

    private static ReceivedEvent event(String type, String json) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("arcc.test.v1", 0, 7, "k",
                json.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return ReceivedEvent.of(record, new ObjectMapper());
    }

    @Test
    void theHandlerOfTheEventsTypeGetsItsPayload() {
        List<Object> seen = new ArrayList<>();
        EventDispatch dispatch = new EventDispatch().on(OPENED, Map.class, e -> seen.add("opened " + e.get("n")))
                .on(CLOSED, Map.class, e -> seen.add("closed " + e.get("n")));

        assertThat(dispatch.apply(event("arcc.test.closed.v1", "{\"n\":2}"))).isTrue();
        assertThat(dispatch.apply(event("arcc.test.opened.v1", "{\"n\":1}"))).isTrue();
        assertThat(seen).containsExactly("closed 2", "opened 1");
    }

    @Test
    void aHandlerMayReadTheEventItself() {
        List<Object> seen = new ArrayList<>();
        EventDispatch dispatch = new EventDispatch().onEvent(OPENED, Map.class,
                (event, e) -> seen.add(event.type() + " " + e.get("n")));

        assertThat(dispatch.apply(event("arcc.test.opened.v1", "{\"n\":3}"))).isTrue();
        assertThat(seen).containsExactly("arcc.test.opened.v1 3");
    }

    @Test
    void aTypeWithoutAHandlerIsSkipped() {
        List<Object> seen = new ArrayList<>();
        EventDispatch dispatch = new EventDispatch().on(OPENED, Map.class, seen::add);

        assertThat(dispatch.apply(event("arcc.test.opened.v2", "{}"))).isFalse();
        assertThat(seen).isEmpty();
    }

    @Test
    void aTypeHasOneHandler() {
        EventDispatch dispatch = new EventDispatch().on(OPENED, Map.class, e -> { });
        assertThatThrownBy(() -> dispatch.on(OPENED, Map.class, e -> { })).hasMessageContaining("arcc.test.opened.v1");
    }
}
