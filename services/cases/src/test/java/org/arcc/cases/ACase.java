package org.arcc.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Object Mother for intake requests: {@code ACase.walkIn().child().arrived(Duration.ofHours(2)).body()}. */
public final class ACase {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private ACase(String channel) {
        body.put("channel", channel);
        body.put("ageBand", "ADULT_25_59");
        body.put("arrivedAt", Instant.now().minus(Duration.ofMinutes(30)).toString());
    }

    public static ACase walkIn() {
        return new ACase("WALK_IN");
    }

    public static ACase broughtByPolice() {
        return new ACase("POLICE");
    }

    public ACase child() {
        body.put("ageBand", "CHILD_0_11");
        return this;
    }

    public ACase arrivedAgo(Duration ago) {
        body.put("arrivedAt", Instant.now().minus(ago).toString());
        return this;
    }

    public ACase with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public ACase without(String field) {
        body.remove(field);
        return this;
    }

    public Map<String, Object> body() {
        return new LinkedHashMap<>(body);
    }
}
