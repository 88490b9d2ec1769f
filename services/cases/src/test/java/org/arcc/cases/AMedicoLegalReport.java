package org.arcc.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Object Mother for medico-legal report bodies as the API takes them:
 * {@code AMedicoLegalReport.journeyOne(arrivedAt, consentId).sample(itemId, kit, sealedAt).body()}. Journey 1: an adult
 * examined by a female officer at T+2h; journey 2: a child examined at T+7h by a female officer, the delay explained.
 */
public final class AMedicoLegalReport {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> examination = new LinkedHashMap<>();
    private final List<Map<String, Object>> samples = new ArrayList<>();
    private final List<Map<String, Object>> injuries = new ArrayList<>();
    private final Instant started;

    private AMedicoLegalReport(Instant arrivedAt, Duration after, String consentId) {
        started = arrivedAt.plus(after).truncatedTo(ChronoUnit.SECONDS);
        examination.put("startedAt", started.toString());
        examination.put("endedAt", started.plus(Duration.ofMinutes(45)).toString());
        examination.put("place", "ARCC examination room 2");
        examination.put("officerName", "Dr. Demo Officer");
        examination.put("femaleOfficer", true);
        examination.put("othersPresent", List.of("Staff nurse (female)"));
        examination.put("consentId", consentId);
        body.put("survivorInitials", "S.A.");
        body.put("examination", examination);
        body.put("history", "Assaulted at home the previous evening by a known person; harassed online for weeks.");
        body.put("hoursSinceIncident", 16);
        body.put("generalFindings", "Conscious, oriented, distressed. Vital signs within normal limits.");
        body.put("systemicFindings", "No abnormality detected.");
        body.put("injuries", injuries);
        body.put("absenceOfInjuryStatement", true);
        body.put("samples", samples);
        body.put("treatment", Map.of("pregnancyTest", "NEGATIVE", "emergencyContraception", "GIVEN", "stiProphylaxis",
                "GIVEN", "hivPep", "OFFERED_DECLINED"));
        body.put("opinion", "NO_OPINION_PENDING_RESULTS");
        body.put("awaited", List.of("DNA_PROFILE", "SEMEN_DETECTION"));
    }

    /** Journey 1's examination, two hours after arrival. */
    public static AMedicoLegalReport journeyOne(Instant arrivedAt, String consentId) {
        return new AMedicoLegalReport(arrivedAt, Duration.ofHours(2), consentId);
    }

    /** Journey 2's examination of a child, seven hours after arrival, the delay explained. */
    public static AMedicoLegalReport journeyTwo(Instant arrivedAt, String consentId) {
        AMedicoLegalReport r = new AMedicoLegalReport(arrivedAt, Duration.ofHours(7), consentId);
        r.body.put("survivorInitials", "F.");
        r.examination.put("othersPresent", List.of("Mother (guardian)", "Child psychologist"));
        r.body.put("sixHourBreachReason", "The child arrived asleep after a night journey; her mother asked that she rest.");
        r.body.put("history", "Given by the mother: the child was assaulted by an older relative.");
        return r;
    }

    /**
     * The least a signable report needs, for fixtures: an examination ten minutes after arrival, no samples, no
     * injuries (and the statement that this does not exclude sexual violence).
     */
    public static AMedicoLegalReport minimal(Instant arrivedAt, String consentId) {
        AMedicoLegalReport r = new AMedicoLegalReport(arrivedAt, Duration.ofMinutes(10), consentId);
        r.examination.put("endedAt", r.started.plus(Duration.ofMinutes(5)).toString());
        r.body.put("opinion", "FINDINGS_NOT_INCONSISTENT_WITH_HISTORY");
        r.body.put("awaited", List.of());
        return r;
    }

    /** When the examination started: seals come after it. */
    public Instant startedAt() {
        return started;
    }

    public AMedicoLegalReport sample(String itemId, String kitNumber, Instant sealedAt) {
        samples.add(Map.of("evidenceItemId", itemId, "kitNumber", kitNumber, "sealedAt", sealedAt.toString()));
        return this;
    }

    /** A bruise photographed as an evidence item: the opinion may then be "consistent with". */
    public AMedicoLegalReport bruisePhotographedAs(String photoItemId) {
        injuries.add(Map.of("region", "FOREARM_LEFT", "kind", "BRUISE", "lengthCm", 4.0, "widthCm", 2.5, "colourAndAge",
                "Bluish-red, about a day old", "photographed", true, "photoItemId", photoItemId));
        body.put("absenceOfInjuryStatement", false);
        body.put("opinion", "FINDINGS_CONSISTENT_WITH_HISTORY");
        return this;
    }

    public AMedicoLegalReport without(String field) {
        body.remove(field);
        return this;
    }

    public AMedicoLegalReport with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("examination", new LinkedHashMap<>(examination));
        copy.put("samples", List.copyOf(samples));
        copy.put("injuries", List.copyOf(injuries));
        return copy;
    }
}
