package org.arcc.e2e.replicas;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.arcc.contracts.Topics;
import org.arcc.contracts.audit.AuditChainBroken;
import org.arcc.contracts.cases.CaseOpened;
import org.arcc.contracts.cases.ConsentGiven;
import org.arcc.contracts.cases.DeadlineBreached;
import org.arcc.contracts.evidence.CheckpointPublished;
import org.arcc.local.KeycloakTokens;
import org.arcc.local.PlatformUnderTest;
import org.arcc.testing.KafkaTopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Two instances of the cases service and two of the evidence service against the same databases and broker, as two
 * replicas of each run on Kubernetes: the launcher's {@code cases-2} and {@code evidence-2} next to the platform's own.
 * Each instance runs its outbox relay, its inbox consumers and its scheduled jobs; what must still happen once does.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(51)
class ServiceReplicasIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(120);
    private static final java.util.regex.Pattern TREE_SIZE = java.util.regex.Pattern.compile("\"treeSize\"\\s*:\\s*(\\d+)");
    private static final List<String> started = new ArrayList<>();
    private static String cases1;
    private static String cases2;

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeAll
    static void secondInstances() {
        for (String replica : List.of("cases-2", "evidence-2")) {
            PlatformUnderTest.startReplica(replica);
            started.add(replica);
        }
        cases1 = PlatformUnderTest.replicaUrl("cases-1");
        cases2 = PlatformUnderTest.replicaUrl("cases-2");
    }

    @AfterAll
    static void stopThem() {
        started.forEach(PlatformUnderTest::stopReplica);
    }

    /**
     * Each case is opened on one instance and given a consent on the other, so its two events are written to the one
     * outbox by different instances, and either relay may publish them.
     */
    @Test
    void twoRelaysPublishEachEventOnceAndInOrderPerCase() throws Exception {
        List<String> ours = openCasesOnBothInstances(8);

        try (KafkaTopicReader reader = new KafkaTopicReader(PlatformUnderTest.kafkaBootstrap(), Topics.CASES)) {
            for (String caseId : ours) {
                reader.awaitRecord(r -> caseId.equals(r.key())
                        && ConsentGiven.TYPE.type().equals(KafkaTopicReader.header(r, "ce_type")), EVENTUALLY);
            }
            reader.readUntilQuiet(Duration.ofSeconds(5)); // a duplicate would follow its original closely
            Map<String, List<ConsumerRecord<String, String>>> byCase = reader.seen().stream()
                    .filter(r -> ours.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new, Collectors.toList()));
            for (String caseId : ours) {
                List<String> types = byCase.get(caseId).stream().map(r -> KafkaTopicReader.header(r, "ce_type")).toList();
                assertThat(types.get(0)).as("the first event of case %s: %s", caseId, types).startsWith("arcc.case.opened.");
                assertThat(types.indexOf(ConsentGiven.TYPE.type())).as("consent after opening, case %s: %s", caseId, types)
                        .isGreaterThan(types.lastIndexOf(CaseOpened.TYPE.type()));
                List<String> ids = byCase.get(caseId).stream().map(r -> KafkaTopicReader.header(r, "ce_id")).toList();
                assertThat(ids).as("events of case %s, each published once", caseId).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void evidenceInstancesShareTheCasesPartitionsAndApplyEachEventOnce() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformUnderTest.kafkaBootstrap()))) {
            await().atMost(EVENTUALLY).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("evidence-cases")).all()
                        .get(10, TimeUnit.SECONDS).get("evidence-cases");
                assertThat(group.members()).as("members of evidence-cases").hasSize(2);
                assertThat(group.members()).as("each holding some of arcc.cases.v1's partitions")
                        .allSatisfy(m -> assertThat(m.assignment().topicPartitions()).isNotEmpty());
            });
        }
        List<String> ours = openCasesOnBothInstances(8);
        List<String> events = new ArrayList<>();
        try (KafkaTopicReader reader = new KafkaTopicReader(PlatformUnderTest.kafkaBootstrap(), Topics.CASES)) {
            for (String caseId : ours) {
                events.add(KafkaTopicReader.header(reader.awaitRecord(r -> caseId.equals(r.key())
                        && ConsentGiven.TYPE.type().equals(KafkaTopicReader.header(r, "ce_type")), EVENTUALLY), "ce_id"));
            }
        }
        try (Connection evidence = database("evidence")) {
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(claims(evidence, events))
                    .as("consents applied by the evidence service (its inbox), whichever instance held the partition")
                    .containsOnlyKeys(events).allSatisfy((event, times) -> assertThat(times).isEqualTo(1)));
        }
    }

    /**
     * A partner that answers slowly: while one instance is still sending, the other's scans come round. Each delivery
     * reaches the partner once.
     */
    @Test
    void aPartnerGetsEachWebhookDeliveryOnce() throws Exception {
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        HttpServer partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var answerLater = Executors.newScheduledThreadPool(2);
        partner.setExecutor(Executors.newFixedThreadPool(4));
        partner.createContext("/arcc-status", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.computeIfAbsent(exchange.getRequestHeaders().getFirst("X-Arcc-Delivery"), k -> new AtomicInteger())
                    .incrementAndGet();
            answerLater.schedule(() -> {
                try {
                    exchange.sendResponseHeaders(204, -1);
                } catch (IOException e) {
                    // the sender gave up waiting: it retries later, which the count would show
                }
                exchange.close();
            }, 3, TimeUnit.SECONDS);
        });
        partner.start();
        try {
            as("platform.admin").baseUri(PlatformUnderTest.gatewayUrl())
                    .body(Map.of("url", "http://127.0.0.1:" + partner.getAddress().getPort() + "/arcc-status",
                            "secret", "replicas-webhook-secret-" + UUID.randomUUID()))
                    .when().put("/api/v1/partners/" + KeycloakTokens.DEMO_PARTNER + "/webhook").then().statusCode(204);
            List<String> referrals = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String referral = with(PlatformUnderTest.tokens().partner()).baseUri(PlatformUnderTest.gatewayUrl())
                        .body(Map.of("cell", "LHE-1", "ageBand", "ADULT_25_59", "incidentCategory", "RAPE",
                                "consentAttested", true, "partnerReference", "REPLICAS-" + UUID.randomUUID()))
                        .when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
                as("lhe1.caseworker").baseUri(i % 2 == 0 ? cases1 : cases2)
                        .when().post("/api/v1/referrals/" + referral + "/acceptance").then().statusCode(200);
                referrals.add(referral);
            }
            List<String> deliveries = deliveriesOf(referrals);
            assertThat(deliveries).as("received and accepted, for each referral").hasSize(2 * referrals.size());
            await().atMost(EVENTUALLY).until(() -> received.keySet().containsAll(deliveries));
            // Both instances scan every 5 s; give them several rounds to send anything twice.
            await().pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    deliveries.stream().collect(Collectors.toMap(d -> d, d -> received.get(d).get())))
                    .as("times each delivery reached the partner").allSatisfy((d, times) -> assertThat(times).isEqualTo(1)));
        } finally {
            partner.stop(0);
            answerLater.shutdownNow();
        }
    }

    /** A case whose exam is overdue from the start: both instances' deadline watchers find it; one breach. */
    @Test
    void anOverdueExamIsBreachedOnceByTwoWatchers() throws Exception {
        String caseId = openCase(cases2, Instant.now().minus(Duration.ofHours(7)));
        try (KafkaTopicReader reader = new KafkaTopicReader(PlatformUnderTest.kafkaBootstrap(), Topics.CASES)) {
            reader.awaitRecord(r -> caseId.equals(r.key())
                    && DeadlineBreached.TYPE.type().equals(KafkaTopicReader.header(r, "ce_type")), EVENTUALLY);
            // the watchers scan every 30 s each: let both have another turn
            await().pollDelay(Duration.ofSeconds(35)).atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                reader.readUntilQuiet(Duration.ofSeconds(2));
                assertThat(reader.seen().stream().filter(r -> caseId.equals(r.key())
                        && DeadlineBreached.TYPE.type().equals(KafkaTopicReader.header(r, "ce_type"))))
                        .as("breaches of case " + caseId).hasSize(1);
            });
        }
    }

    /**
     * Checkpoint signing with two instances: a bundle of an item whose entries no checkpoint covers yet makes the
     * instance sign one on demand (as its 10-minute schedule would). Both instances asked at once, twice each: every
     * answer is a bundle, and no tree size is ever signed and published twice (the signer locks the log's head).
     */
    @Test
    void twoSignersAskedAtOncePublishOneCheckpointPerTreeSize() throws Exception {
        String caseId = openCase(cases1, Instant.now().minus(Duration.ofHours(1)));
        as("khi.caseworker").baseUri(cases1).body(Map.of("purpose", "EVIDENCE_COLLECTION", "givenBy", "SURVIVOR"))
                .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201);
        String evidence1 = PlatformUnderTest.replicaUrl("evidence-1");
        String evidence2 = PlatformUnderTest.replicaUrl("evidence-2");
        String kit = "REPLICA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        // the kit is accepted once the case and its consent reached the evidence service by event
        String itemId = await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var registered = as("khi.medical").baseUri(evidence2)
                    .body(Map.of("caseId", caseId, "type", "SWABS", "kitNumber", kit, "sealNumber", "SEAL-" + kit,
                            "collectedAt", Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS).toString()))
                    .when().post("/api/v1/evidence/items").then().extract();
            return registered.statusCode() == 201 ? registered.<String>path("item.id") : null;
        }, java.util.Objects::nonNull);

        var pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (String instance : List.of(evidence1, evidence2, evidence1, evidence2)) {
                answers.add(CompletableFuture.supplyAsync(() -> as("khi.medical").baseUri(instance)
                        .when().get("/api/v1/evidence/items/" + itemId + "/bundle").then().extract().statusCode(), pool));
            }
            assertThat(answers.stream().map(CompletableFuture::join)).as("bundles from both instances at once")
                    .containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        try (KafkaTopicReader reader = new KafkaTopicReader(PlatformUnderTest.kafkaBootstrap(), Topics.EVIDENCE)) {
            reader.readUntilQuiet(Duration.ofSeconds(5));
            Map<String, Long> published = reader.seen().stream()
                    .filter(r -> CheckpointPublished.TYPE.type().equals(KafkaTopicReader.header(r, "ce_type")))
                    .map(r -> TREE_SIZE.matcher(r.value()).results().findFirst().map(m -> m.group(1)).orElse("?"))
                    .collect(Collectors.groupingBy(size -> size, Collectors.counting()));
            assertThat(published).as("checkpoints published, by tree size").isNotEmpty()
                    .allSatisfy((size, times) -> assertThat(times).as("tree size " + size).isEqualTo(1));
        }
    }

    /**
     * Audit verification with two instances: each checks the trail on its own (on its schedule, or asked, as here),
     * and a break both find is recorded and alerted once. A row of a fresh case's trail is altered in the shared
     * database (as a database owner could: the append-only trigger switched off for the one statement); both
     * instances are asked at once, twice each; both report the row, both set their {@code arcc_audit_chain_intact}
     * gauge to 0, and {@code arcc.audit.chain-broken.v1} is published once for it. The row is put back afterwards,
     * and both instances then find the trail intact, so the suites after this one see an intact trail.
     */
    @Test
    void aBrokenAuditTrailIsAlertedOnceByTwoInstances() throws Exception {
        String caseId = openCase(cases1, Instant.now().minus(Duration.ofHours(1)));
        as("khi.caseworker").baseUri(cases2).when().get("/api/v1/cases/" + caseId).then().statusCode(200);
        long seq;
        int chain;
        long position;
        String actor;
        try (Connection cases = database("cases");
                PreparedStatement query = cases.prepareStatement("""
                        SELECT seq, chain, position, actor FROM audit_record WHERE resource_id = ? ORDER BY seq LIMIT 1""")) {
            query.setString(1, caseId);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("the opening of case %s is in the audit trail", caseId).isTrue();
                seq = rs.getLong(1);
                chain = rs.getInt(2);
                position = rs.getLong(3);
                actor = rs.getString(4);
            }
            rewriteActor(cases, seq, "someone-else");
        }
        String verification = "/api/v1/audit/cases/verification";
        String admin = PlatformUnderTest.tokens().user("platform.admin");
        try (KafkaTopicReader reader = new KafkaTopicReader(PlatformUnderTest.kafkaBootstrap(), Topics.AUDIT)) {
            var pool = Executors.newFixedThreadPool(4);
            try {
                List<CompletableFuture<io.restassured.response.ExtractableResponse<io.restassured.response.Response>>> checks =
                        new ArrayList<>();
                for (String instance : List.of(cases1, cases2, cases1, cases2)) {
                    checks.add(CompletableFuture.supplyAsync(() -> with(admin).baseUri(instance)
                            .when().get(verification).then().statusCode(200).extract(), pool));
                }
                for (var check : checks) {
                    var report = check.join();
                    assertThat(report.<Boolean>path("intact")).as("an instance's check").isFalse();
                    assertThat(report.<List<Map<String, Object>>>path("problems")).as("problems an instance's check named")
                            .anySatisfy(problem -> {
                                assertThat(problem.get("kind")).isEqualTo("ALTERED");
                                assertThat(((Number) problem.get("chain")).intValue()).isEqualTo(chain);
                                assertThat(((Number) problem.get("position")).longValue()).isEqualTo(position);
                            });
                }
            } finally {
                pool.shutdownNow();
            }
            for (String instance : List.of(cases1, cases2)) {
                assertThat(intactGauge(instance)).as("arcc_audit_chain_intact of %s", instance).isEqualTo(0.0);
            }
            java.util.function.Predicate<ConsumerRecord<String, String>> ourBreak = r ->
                    AuditChainBroken.TYPE.type().equals(KafkaTopicReader.header(r, "ce_type"))
                            && "/arcc/cases".equals(KafkaTopicReader.header(r, "ce_source"))
                            && r.value().matches("(?s).*\"chain\"\\s*:\\s*" + chain + "\\s*[,}].*")
                            && r.value().matches("(?s).*\"position\"\\s*:\\s*" + position + "\\s*[,}].*");
            reader.awaitRecord(ourBreak, EVENTUALLY);
            reader.readUntilQuiet(Duration.ofSeconds(5)); // a second alert would follow closely
            assertThat(reader.seen().stream().filter(ourBreak)).as("alerts of the break at chain %d, position %d", chain, position)
                    .hasSize(1);
        } finally {
            try (Connection cases = database("cases")) {
                rewriteActor(cases, seq, actor);
            }
        }
        for (String instance : List.of(cases1, cases2)) {
            with(admin).baseUri(instance).when().get(verification).then().statusCode(200)
                    .body("intact", org.hamcrest.Matchers.is(true));
            assertThat(intactGauge(instance)).as("arcc_audit_chain_intact of %s once the row is back", instance).isEqualTo(1.0);
        }
    }

    // --- steps -------------------------------------------------------------------------------------------

    private static List<String> openCasesOnBothInstances(int count) {
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String opener = i % 2 == 0 ? cases1 : cases2;
            String other = i % 2 == 0 ? cases2 : cases1;
            String caseId = openCase(opener, Instant.now());
            as("khi.caseworker").baseUri(other).body(Map.of("purpose", "MEDICAL_EXAM", "givenBy", "SURVIVOR"))
                    .when().post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201);
            ours.add(caseId);
        }
        return ours;
    }

    private static String openCase(String instance, Instant arrivedAt) {
        return as("khi.caseworker").baseUri(instance)
                .body(Map.of("channel", "WALK_IN", "ageBand", "ADULT_25_59",
                        "arrivedAt", arrivedAt.truncatedTo(ChronoUnit.SECONDS).toString()))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String user) {
        return with(PlatformUnderTest.tokens().user(user));
    }

    private static RequestSpecification with(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /** The deliveries queued for these referrals (the cases database's delivery log). */
    private static List<String> deliveriesOf(List<String> referrals) throws Exception {
        try (Connection cases = database("cases");
                PreparedStatement query = cases.prepareStatement(
                        "SELECT id FROM webhook_delivery WHERE referral_id = ANY (?::uuid[]) ORDER BY created_at")) {
            query.setArray(1, cases.createArrayOf("text", referrals.toArray()));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** How many times the evidence service claimed each event in its inbox (applying it in the same transaction). */
    private static Map<String, Integer> claims(Connection evidence, List<String> events) throws Exception {
        try (PreparedStatement query = evidence.prepareStatement("""
                SELECT event_id::text, count(*) FROM inbox_event WHERE event_id = ANY (?::uuid[]) GROUP BY event_id""")) {
            query.setArray(1, evidence.createArrayOf("text", events.toArray()));
            Map<String, Integer> claims = new HashMap<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    claims.put(rs.getString(1), rs.getInt(2));
                }
            }
            return claims;
        }
    }

    /** Rewrites one audit row's actor, as a database owner could: the append-only trigger is off for this statement only. */
    private static void rewriteActor(Connection database, long seq, String actor) throws Exception {
        database.setAutoCommit(false);
        try (var statement = database.createStatement();
                PreparedStatement update = database.prepareStatement("UPDATE audit_record SET actor = ? WHERE seq = ?")) {
            statement.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
            update.setString(1, actor);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).as("audit rows rewritten").isEqualTo(1);
            statement.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
            database.commit();
        } catch (Exception e) {
            database.rollback();
            throw e;
        } finally {
            database.setAutoCommit(true);
        }
    }

    /** The instance's {@code arcc_audit_chain_intact} gauge (1 intact, 0 broken), from its Prometheus endpoint. */
    private static double intactGauge(String instance) {
        String metrics = given().baseUri(instance).when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("arcc_audit_chain_intact"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no arcc_audit_chain_intact on " + instance));
    }

    private static Connection database(String name) throws Exception {
        return DriverManager.getConnection(PlatformUnderTest.databaseUrl(name), "postgres", "");
    }
}
