package org.arcc.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The government dashboard and the cells' supervisors reading figures, as the page in the gateway does it: the page
 * and its scripts, {@code config.json}, the table catalogue, then the four figures at once (the page's
 * {@code Promise.allSettled}: Gatling's concurrent resources), every few seconds another period or place, now and then
 * a CSV or DHIS2 download. Seven people (the analyst and the six supervisors, each with her own account and so her own
 * rate-limit bucket), {@code load.viewers} open tabs each.
 * <p>
 * {@code -Dload.viewers=2 -Dload.seconds=120 -Dload.think-ms=3000 -Dload.p95-ms=3000 -Dload.p99-ms=8000}. Fails when any
 * answer is not 200 (a 429 included: a person reading figures stays far inside her limit), or a percentile passes
 * its bound.
 */
public class DashboardReadsSimulation extends Simulation {

    private static final List<String> TABLES = List.of("survivors-by-age-band", "deadline-compliance", "evidence-turnaround",
            "justice-outcomes");
    private static final String[] AGE_BANDS = { "TOTAL", "CHILD_0_11", "CHILD_12_17", "ADULT_18_24", "ADULT_25_59" };

    private final int viewers = Integer.getInteger("load.viewers", 2);
    private final int seconds = Integer.getInteger("load.seconds", 120);
    private final int thinkMs = Integer.getInteger("load.think-ms", 3000);
    private final int p95Ms = Integer.getInteger("load.p95-ms", 3000);
    private final int p99Ms = Integer.getInteger("load.p99-ms", 8000);
    private final ArccRequests requests = new ArccRequests();

    {
        List<String> people = people();
        List<io.gatling.javaapi.core.PopulationBuilder> populations = new ArrayList<>();
        for (String person : people) {
            populations.add(dashboard(person).injectClosed(constantConcurrentUsers(viewers).during(Duration.ofSeconds(seconds))));
        }
        setUp(populations).protocols(requests.protocol())
                .assertions(global().failedRequests().count().is(0L),
                        global().responseTime().percentile(95.0).lt(p95Ms),
                        global().responseTime().percentile(99.0).lt(p99Ms),
                        details("figures: table").responseTime().percentile(95.0).lt(p95Ms));
    }

    static List<String> people() {
        List<String> people = new ArrayList<>(List.of("gov.analyst"));
        for (Cell cell : Cell.values()) {
            people.add(cell.supervisor());
        }
        return people;
    }

    @Override
    public void before() {
        requests.warm(people());
        System.out.printf(Locale.ROOT, "Dashboard reads: %d people × %d tabs for %d s, %d ms between views%n", people().size(),
                viewers, seconds, thinkMs);
    }

    @Override
    public void after() {
        requests.tokens.close();
    }

    private ScenarioBuilder dashboard(String person) {
        Cell own = Cell.values()[0];
        for (Cell cell : Cell.values()) {
            if (cell.supervisor().equals(person)) {
                own = cell;
            }
        }
        boolean analyst = person.equals("gov.analyst");
        String place = analyst ? "" : "&cell=" + own.code();
        return scenario("dashboard of " + person)
                .exec(session -> session.set("viewer", person).set("place", place)
                        .set("period", DayOfSixCellsSimulation.periodQuery()))
                .exec(page())
                .exec(requests.get("figures: catalogue", "/api/v1/reports/tables", ArccRequests.as("viewer"))
                        .check(status().is(200)))
                .during(Duration.ofSeconds(seconds)).on(
                        exec(session -> session.set("ageBand",
                                AGE_BANDS[java.util.concurrent.ThreadLocalRandom.current().nextInt(AGE_BANDS.length)]))
                                .exec(fourFigures())
                                .randomSwitch().on(
                                        percent(5.0).then(exec(requests.get("figures: CSV download",
                                                "/api/v1/reports/tables/deadline-compliance?#{period}#{place}", ArccRequests.as("viewer"))
                                                .header("Accept", "text/csv").check(status().is(200)))),
                                        percent(analyst ? 5.0 : 0.0).then(exec(requests.get("figures: DHIS2 download",
                                                "/api/v1/reports/dhis2/dataValueSets?#{period}", ArccRequests.as("viewer"))
                                                .check(status().is(200)))))
                                .pause(Duration.ofMillis(thinkMs / 2), Duration.ofMillis(thinkMs * 3L / 2)));
    }

    /** The dashboard page itself (served by the gateway, no token): what a browser fetches on first load. */
    private static ChainBuilder page() {
        return exec(http("dashboard page").get("/dashboard/").header("Accept", "text/html").check(status().is(200))
                .resources(http("dashboard asset").get("/dashboard/dashboard.css"),
                        http("dashboard asset").get("/dashboard/js/main.js"),
                        http("dashboard asset").get("/dashboard/js/auth.js"),
                        http("dashboard asset").get("/dashboard/js/reports-api.js"),
                        http("dashboard asset").get("/dashboard/js/render.js"),
                        http("dashboard asset").get("/dashboard/js/figures.js"),
                        http("dashboard asset").get("/dashboard/js/i18n.js"),
                        http("dashboard config").get("/dashboard/config.json"),
                        http("dashboard asset").get("/dashboard/messages/en.json")));
    }

    /** The four figures of one period and place, fetched at once as the page does. */
    private ChainBuilder fourFigures() {
        List<HttpRequestActionBuilder> others = TABLES.subList(1, TABLES.size()).stream()
                .map(table -> requests.get("figures: table", "/api/v1/reports/tables/" + table + "?#{period}#{place}",
                        ArccRequests.as("viewer")).check(status().is(200)))
                .toList();
        return exec(requests.get("figures: table", "/api/v1/reports/tables/" + TABLES.get(0)
                        + "?#{period}#{place}&category=#{ageBand}", ArccRequests.as("viewer"))
                .check(status().is(200)).resources(others));
    }
}
