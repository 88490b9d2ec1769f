package org.arcc.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Object Mother for intake requests: {@code ACase.walkIn().child().arrivedAgo(Duration.ofHours(2)).body()}. A bare
 * case has only what every intake must have (channel, age band, arrival); {@link #rapeAndCyberStalking()} is
 * journey 1's classified intake.
 */
public final class ACase {

    private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

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

    /**
     * Journey 1 (Karachi): a 24-year-old woman harassed for weeks on WhatsApp (PECA 2016 s.24 cyber-stalking), then
     * raped at home (PPC 376) the day before she walks in.
     */
    public static ACase rapeAndCyberStalking() {
        return walkIn().with("ageBand", "ADULT_18_24").with("sexGender", "FEMALE")
                .with("incidentDate", LocalDate.now(PAKISTAN).minusDays(1).toString())
                .classified("RAPE", "PPC_376", "PECA_24");
    }

    /** GBVIMS incident type and legal sections. */
    public ACase classified(String incidentType, String... legalSections) {
        body.put("incidentType", incidentType);
        body.put("legalSections", List.of(legalSections));
        return this;
    }

    public ACase sexGender(String sexGender) {
        body.put("sexGender", sexGender);
        return this;
    }

    public ACase incidentOn(LocalDate day) {
        body.put("incidentDate", day.toString());
        return this;
    }

    public ACase disabilities(String... flags) {
        body.put("disabilities", List.of(flags));
        return this;
    }

    public ACase vulnerabilities(String... flags) {
        body.put("vulnerabilities", List.of(flags));
        return this;
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
