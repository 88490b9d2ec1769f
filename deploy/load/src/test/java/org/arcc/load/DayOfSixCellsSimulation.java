package org.arcc.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.arcc.load.ArccRequests.as;
import static org.arcc.load.ArccRequests.fixed;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * A day of the six cells at ten times the 2024 volume ({@link CellsDay}), played in a few minutes through the gateway:
 * intakes at the desk (case, identity, consents, exam and collection, two evidence items sent to the lab and received
 * there, the staff's reads), partner NGOs' referrals accepted by the cells, follow-up counselling and legal sessions on
 * the day's cases, and supervisors' and the analyst's figures. Then every acknowledged case and item is read back.
 * <p>
 * {@code -Dload.scale=10 -Dload.minutes=5 -Dload.p95-ms=2000 -Dload.p99-ms=5000}. Fails (non-zero exit) when a request
 * answers other than expected (any 5xx, a 429, a refusal), when an acknowledged record cannot be read back, or when the
 * 95th or 99th percentile of all response times passes its bound.
 */
public class DayOfSixCellsSimulation extends Simulation {

    private static final String JSON_CASE = """
            {"channel":"#{channel}","ageBand":"#{ageBand}","arrivedAt":"#{arrivedAt}","sexGender":"FEMALE",\
            "incidentType":"RAPE","legalSections":["PPC_376"]}""";
    /** Obviously synthetic: no real person is called this, and the reckoning never reads it back. */
    private static final String JSON_IDENTITY = """
            {"name":"LOADTEST Synthetic Survivor #{seq}"}""";
    private static final String JSON_CONSENT = """
            {"purpose":"#{purpose}","givenBy":"#{givenBy}"#{assent}}""";
    private static final String JSON_SERVICE = """
            {"service":"#{service}","deliveredAt":"#{now}"}""";
    private static final String JSON_ITEM = """
            {"caseId":"#{caseId}","type":"#{itemType}","sealNumber":"#{seal}","collectedAt":"#{now}"}""";
    private static final String JSON_TO_LAB = """
            {"action":"SUBMITTED_TO_LAB","to":"custodian:forensic-lab-demo","courier":"LOADTEST courier"}""";
    private static final String JSON_LAB_RECEIPT = """
            {"action":"RECEIVED","sealIntact":true,"sealNumber":"#{seal}","condition":"sealed, dry"}""";
    private static final String JSON_REFERRAL = """
            {"cell":"#{cell}","ageBand":"#{ageBand}","incidentCategory":"RAPE","consentAttested":true,\
            "partnerReference":"LOADTEST-#{seq}"}""";
    private static final List<String> DASHBOARD_TABLES = List.of("survivors-by-age-band", "deadline-compliance",
            "evidence-turnaround", "justice-outcomes");
    private static final String[] CHANNELS = { "WALK_IN", "POLICE", "HOTLINE" };
    /** Tries of an evidence item's registration while the evidence service learns of the case (about a minute). */
    private static final int ITEM_TRIES = 120;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final CellsDay day = new CellsDay(Double.parseDouble(System.getProperty("load.scale", "10")),
            Integer.getInteger("load.minutes", 5));
    private final int p95Ms = Integer.getInteger("load.p95-ms", 2000);
    private final int p99Ms = Integer.getInteger("load.p99-ms", 5000);
    private final ArccRequests requests = new ArccRequests();
    private final RunLedger ledger = new RunLedger();
    private final Instant runStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String period = periodQuery();

    {
        Duration spread = Duration.ofMinutes(day.minutes());
        setUp(intakeAtTheDesk().injectOpen(rampUsers(day.walkIns()).during(spread))
                        .andThen(Reckoning.readBackEverything(requests, ledger).injectOpen(atOnceUsers(1))),
                referralFromPartner().injectOpen(rampUsers(day.referred()).during(spread)),
                followUpSession().injectOpen(rampUsers(day.followUpSessions()).during(spread)),
                figures().injectOpen(rampUsers(day.figureViews()).during(spread)))
                .protocols(requests.protocol())
                .assertions(global().failedRequests().count().is(0L),
                        global().responseTime().percentile(95.0).lt(p95Ms),
                        global().responseTime().percentile(99.0).lt(p99Ms));
    }

    @Override
    public void before() {
        List<String> principals = new ArrayList<>(List.of("gov.analyst", "lab.custodian", "client:ngo-demo"));
        for (Cell cell : Cell.values()) {
            principals.addAll(cell.staff());
        }
        requests.warm(principals);
        System.out.println("Day of six cells: " + day.describe());
    }

    @Override
    public void after() {
        requests.tokens.close();
        List<String> lines = new ArrayList<>(List.of("# Day of six cells", "", "- " + day.describe(),
                String.format(Locale.ROOT, "- bounds: p95 < %d ms, p99 < %d ms", p95Ms, p99Ms)));
        lines.addAll(Reckoning.lines(ledger, List.of("case", "item")));
        ledger.answers().forEach((what, count) -> lines.add("- " + what + ": " + count));
        List<String> broken = new ArrayList<>();
        if (ledger.readBack() != ledger.acknowledged().size()) {
            broken.add((ledger.acknowledged().size() - ledger.readBack()) + " acknowledged records not read back");
        }
        if (ledger.answers().keySet().stream().anyMatch(what -> what.startsWith("evidence item never registered"))) {
            broken.add("evidence items never registered: the case's events did not reach the evidence service in time");
        }
        lines.add(Reckoning.verdict(broken));
        Reckoning.write("day-of-six-cells", lines);
    }

    /** Who and what: a cell drawn by its share, a child in half the cases (219 of 437 in 2024). */
    private static Session survivorAt(Session session) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Cell cell = Cell.drawn(random.nextDouble());
        boolean child = random.nextDouble() < CellsDay.childShare();
        String ageBand = child ? (random.nextBoolean() ? "CHILD_0_11" : "CHILD_12_17")
                : (random.nextBoolean() ? "ADULT_18_24" : "ADULT_25_59");
        return session.set("cell", cell.code()).set("caseWorker", cell.caseWorker()).set("medical", cell.medicalOfficer())
                .set("counsellor", cell.counsellor()).set("legal", cell.legalOfficer()).set("supervisor", cell.supervisor())
                .set("ageBand", ageBand).set("givenBy", child ? "GUARDIAN" : "SURVIVOR")
                .set("assent", child ? ",\"childAssent\":true" : "")
                .set("channel", CHANNELS[random.nextInt(CHANNELS.length)])
                .set("arrivedAt", Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS).toString())
                .set("seq", SEQUENCE.incrementAndGet());
    }

    private static Session now(Session session) {
        return session.set("now", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private ScenarioBuilder intakeAtTheDesk() {
        return scenario("intake at the desk")
                .exec(DayOfSixCellsSimulation::survivorAt)
                .exec(requests.post("open case", "/api/v1/cases", as("caseWorker"), JSON_CASE)
                        .check(status().is(201), jsonPath("$.id").saveAs("caseId")))
                .exitHereIfFailed()
                .exec(caseAcknowledged())
                .exec(requests.put("record identity", "/api/v1/cases/#{caseId}/identity", as("caseWorker"), JSON_IDENTITY)
                        .check(status().in(200, 201, 204)))
                // Testing before collection: once the evidence service knows the consent to collection, it knows this one.
                .exec(consent("EVIDENCE_TESTING"), consent("EVIDENCE_COLLECTION"), consent("MEDICAL_EXAM"),
                        consent("STATISTICS"))
                .exec(DayOfSixCellsSimulation::now)
                .exec(service("MEDICO_LEGAL_EXAM", "medical"), service("FORENSIC_EVIDENCE_COLLECTION", "medical"))
                .exec(evidenceItem("SWABS"), evidenceItem("CLOTHING"))
                .exec(requests.get("read case", "/api/v1/cases/#{caseId}", as("caseWorker")).check(status().is(200)),
                        requests.get("read consents", "/api/v1/cases/#{caseId}/consents", as("caseWorker")).check(status().is(200)),
                        requests.get("read services", "/api/v1/cases/#{caseId}/services", as("medical")).check(status().is(200)),
                        requests.get("read identity", "/api/v1/cases/#{caseId}/identity", as("caseWorker"))
                                .header("X-Access-Purpose", "CARE").check(status().is(200)),
                        requests.get("read case", "/api/v1/cases/#{caseId}", as("medical")).check(status().is(200)),
                        requests.get("list cases", "/api/v1/cases?size=20", as("caseWorker")).check(status().is(200)),
                        requests.get("read case", "/api/v1/cases/#{caseId}", as("supervisor")).check(status().is(200)));
    }

    /** The case the last answer acknowledged, for the reckoning (read back by the cell's case worker). */
    private ChainBuilder caseAcknowledged() {
        return exec(session -> {
            ledger.acknowledged("case", session.getString("caseId"), session.getString("caseWorker"));
            return session;
        });
    }

    private ChainBuilder consent(String purpose) {
        return exec(session -> session.set("purpose", purpose))
                .exec(requests.post("give consent", "/api/v1/cases/#{caseId}/consents", as("caseWorker"), JSON_CONSENT)
                        .check(status().is(201)));
    }

    private ChainBuilder service(String service, String byWhom) {
        return exec(session -> now(session).set("service", service))
                .exec(requests.post("record service", "/api/v1/cases/#{caseId}/services", as(byWhom), JSON_SERVICE)
                        .check(status().is(201)));
    }

    /**
     * Registers an item as the medical officer, sends it to the lab, and the lab records its receipt. The evidence
     * service learns of the case and its consents by event a moment after they were recorded: until then it answers 404
     * (case unknown) or 422 (no consent to collection), and the officer tries again (as the SDK example does).
     */
    private ChainBuilder evidenceItem(String type) {
        return exec(session -> now(session).set("itemType", type).set("itemStatus", 0).set("itemTries", 0)
                .set("seal", "LOADTEST-SEAL-" + SEQUENCE.incrementAndGet()))
                .asLongAs(session -> session.getInt("itemStatus") != 201 && session.getInt("itemTries") < ITEM_TRIES).on(
                        exec(requests.post("register evidence item", "/api/v1/evidence/items", as("medical"), JSON_ITEM)
                                .check(status().in(201, 404, 422).saveAs("itemStatus"),
                                        jsonPath("$.item.id").optional().saveAs("itemId")))
                                .exec(session -> session.set("itemTries", session.getInt("itemTries") + 1))
                                .doIf(session -> session.getInt("itemStatus") != 201).then(
                                        exec(session -> session).pause(Duration.ofMillis(500))))
                .doIfOrElse(session -> session.getInt("itemStatus") == 201).then(
                        exec(session -> {
                            ledger.acknowledged("item", session.getString("itemId"), session.getString("medical"));
                            return session;
                        })
                        .exec(requests.post("custody: submitted to lab", "/api/v1/evidence/items/#{itemId}/custody",
                                as("medical"), JSON_TO_LAB).check(status().is(201)))
                        .exec(requests.post("custody: lab receipt", "/api/v1/evidence/items/#{itemId}/custody",
                                fixed("lab.custodian"), JSON_LAB_RECEIPT).check(status().is(201)))
                        .exec(requests.get("read custody log", "/api/v1/evidence/items/#{itemId}/custody", as("medical"))
                                .check(status().is(200))))
                .orElse(exec(session -> {
                    ledger.answered("evidence item never registered (the case's events did not reach evidence)", 0);
                    return session.markAsFailed();
                }));
    }

    private ScenarioBuilder referralFromPartner() {
        return scenario("referral from a partner NGO")
                .exec(DayOfSixCellsSimulation::survivorAt)
                .exec(requests.post("partner sends referral", "/api/v1/referrals", fixed("client:ngo-demo"), JSON_REFERRAL)
                        .check(status().is(201), jsonPath("$.id").saveAs("referralId")))
                .exitHereIfFailed()
                .exec(requests.get("read referrals", "/api/v1/referrals", as("caseWorker")).check(status().is(200)))
                .exec(requests.post("cell accepts referral", "/api/v1/referrals/#{referralId}/acceptance", as("caseWorker"), null)
                        .check(status().in(200, 201), jsonPath("$.caseId").saveAs("caseId")))
                .exitHereIfFailed()
                .exec(caseAcknowledged())
                .exec(requests.get("partner reads referral", "/api/v1/referrals/#{referralId}", fixed("client:ngo-demo"))
                        .check(status().is(200), jsonPath("$.status").is("ACCEPTED")))
                .exec(consent("STATISTICS"))
                .exec(requests.get("read case", "/api/v1/cases/#{caseId}", as("caseWorker")).check(status().is(200)));
    }

    /**
     * A counsellor's or legal officer's session with a survivor of the day: her list of the day's cases, one case
     * read, the session recorded. Early in the run, before a cell has a case of the day, she only reads her list.
     */
    private ScenarioBuilder followUpSession() {
        return scenario("follow-up session")
                .exec(DayOfSixCellsSimulation::survivorAt)
                .exec(session -> {
                    boolean counselling = ThreadLocalRandom.current().nextInt(CellsDay.COUNSELLING_SESSIONS_PER_SURVIVOR
                            + CellsDay.LEGAL_SESSIONS_PER_SURVIVOR) < CellsDay.COUNSELLING_SESSIONS_PER_SURVIVOR;
                    return now(session).set("staff", session.getString(counselling ? "counsellor" : "legal"))
                            .set("service", counselling ? "PSYCHOSOCIAL_COUNSELLING" : "LEGAL_GUIDANCE")
                            .set("openedFrom", runStart.toString());
                })
                .exec(requests.get("list cases", "/api/v1/cases?size=20&openedFrom=#{openedFrom}", as("staff"))
                        .check(status().is(200), jsonPath("$.items[*].id").findRandom().optional().saveAs("caseId")))
                .doIf(session -> session.contains("caseId")).then(
                        exec(requests.get("read case", "/api/v1/cases/#{caseId}", as("staff")).check(status().is(200)))
                                .exec(requests.post("record service", "/api/v1/cases/#{caseId}/services", as("staff"),
                                        JSON_SERVICE).check(status().is(201))));
    }

    /** A supervisor (her cell's figures) or the analyst (all cells) opens the figures: the catalogue, then four tables. */
    private ScenarioBuilder figures() {
        return scenario("figures")
                .exec(session -> {
                    int pick = ThreadLocalRandom.current().nextInt(day.figureViews());
                    boolean analyst = pick < CellsDay.ANALYST_VIEWS_PER_DAY;
                    Cell cell = Cell.values()[pick % Cell.values().length];
                    return session.set("viewer", analyst ? "gov.analyst" : cell.supervisor())
                            .set("place", analyst ? "" : "&cell=" + cell.code());
                })
                .exec(requests.get("figures: catalogue", "/api/v1/reports/tables", as("viewer")).check(status().is(200)))
                .exec(requests.get("figures: table", tablePath(DASHBOARD_TABLES.get(0)) + "&category=TOTAL", as("viewer"))
                        .check(status().is(200))
                        .resources(DASHBOARD_TABLES.subList(1, DASHBOARD_TABLES.size()).stream()
                                .map(table -> requests.get("figures: table", tablePath(table), as("viewer")).check(status().is(200)))
                                .toList()));
    }

    private String tablePath(String table) {
        return "/api/v1/reports/tables/" + table + "?" + period + "#{place}";
    }

    /** The dashboard's default period: the last six complete months in Karachi. */
    static String periodQuery() {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Karachi"));
        return "from=" + now.minusMonths(6) + "&to=" + now.minusMonths(1);
    }
}
