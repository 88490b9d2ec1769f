package org.arcc.e2e.journeys;

import static org.arcc.e2e.Gateway.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.response.Response;

/**
 * The steps several journeys take, each asserting the answer that matters: opening a case, recording a consent,
 * registering an evidence kit once the case's events have reached the evidence service, recording a custody step.
 */
final class JourneySteps {

    /** Events cross services through Kafka: seconds normally, more on a loaded CI machine. */
    static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final AtomicInteger KITS = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 46_656L * 1000, 36).toUpperCase(Locale.ROOT);

    private JourneySteps() {
    }

    /** An intake: channel, age band and arrival, plus any optional fields given as name/value pairs. */
    static Map<String, Object> intake(String channel, String ageBand, Instant arrivedAt, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("ageBand", ageBand);
        body.put("arrivedAt", arrivedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    /** Opens a case at the caller's cell; answers its id. */
    static String openCase(String user, String cell, Map<String, Object> intake) {
        return as(user).body(intake).when().post("/api/v1/cases")
                .then().statusCode(201).body("cell", equalTo(cell)).body("status", equalTo("INTAKE"))
                .extract().path("id");
    }

    /** Records a consent given by the survivor or her guardian; answers its id. */
    static String consent(String user, String caseId, String purpose, String givenBy, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purpose", purpose);
        body.put("givenBy", givenBy);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return as(user).body(body).when().post("/api/v1/cases/" + caseId + "/consents")
                .then().statusCode(201).body("purpose", equalTo(purpose)).body("active", equalTo(true))
                .extract().path("id");
    }

    /** Records a service given to the survivor. */
    static void service(String user, String caseId, String service, Instant deliveredAt) {
        as(user).body(Map.of("service", service, "deliveredAt", deliveredAt.truncatedTo(ChronoUnit.SECONDS).toString()))
                .when().post("/api/v1/cases/" + caseId + "/services")
                .then().statusCode(201).body("service", equalTo(service));
    }

    /** A kit number nobody used before on this platform (kit numbers are unique). */
    static String kitNumber(String cell) {
        return cell.replace("-", "") + "-E2E-" + RUN + "-" + KITS.incrementAndGet();
    }

    /**
     * Registers a collected item of the case. Until the case's opening and consents reach the evidence service by
     * event, it does not know the case (404) or the consent to collection (422); the step is retried until they have.
     * Answers the whole registration (the item and the survivor's one-time status code).
     */
    static Response registerItem(String user, Map<String, Object> item) {
        Response registered = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> as(user).body(item).when().post("/api/v1/evidence/items"),
                        r -> r.statusCode() != 404 && r.statusCode() != 422);
        registered.then().statusCode(201);
        return registered;
    }

    /** A physical kit (swabs, clothing, ...) collected now, under a seal. */
    static Map<String, Object> kit(String caseId, String type, String kitNumber, String seal, Instant collectedAt) {
        return new LinkedHashMap<>(Map.of("caseId", caseId, "type", type, "kitNumber", kitNumber, "sealNumber", seal,
                "collectedAt", collectedAt.truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    /** Records a custody step of an item; answers the recorded step. */
    static Response custody(String user, String itemId, Map<String, Object> step) {
        Response recorded = as(user).body(step).when().post("/api/v1/evidence/items/" + itemId + "/custody");
        recorded.then().statusCode(201);
        return recorded;
    }
}
