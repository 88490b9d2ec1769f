package org.arcc.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo data a fresh home gets once the platform is up, through the gateway with the demo users' tokens:
 * a few open cases, journey 1's evidence kit and legal file, and six months of cases for the reporting tables.
 * Each part has its own marker in the home, so a home from before a service existed gets that service's part.
 */
final class DemoData {

    static final String DEMO_PASSWORD = "Demo-Passw0rd!";

    private final LocalSettings settings;

    DemoData(LocalSettings settings) {
        this.settings = settings;
    }

    /** Seeds whatever this home has not been seeded with yet. */
    void seedOnce() {
        seedCasesOnce();
        seedEvidenceOnce();
        seedLegalOnce();
        seedReportingOnce();
    }

    private void seedCasesOnce() {
        Path marker = settings.home().resolve("seeded");
        if (Files.exists(marker)) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        Map<String, List<String>> plan = new LinkedHashMap<>();
        plan.put("khi", List.of("WALK_IN", "POLICE"));
        plan.put("lhe1", List.of("NGO_REFERRAL", "WALK_IN"));
        plan.put("mux", List.of("POLICE"));
        plan.put("rwp", List.of("WALK_IN"));
        plan.put("isb", List.of("TRANSFER"));
        int opened = 0;
        for (Map.Entry<String, List<String>> cell : plan.entrySet()) {
            String token = userToken(http, cell.getKey() + ".caseworker");
            for (String channel : cell.getValue()) {
                String body = "{\"channel\":\"" + channel + "\",\"ageBand\":\"" + (opened % 2 == 0 ? "ADULT_25_59" : "CHILD_12_17")
                        + "\",\"arrivedAt\":\"" + Instant.now().minus(Duration.ofHours(opened + 1)) + "\"}";
                HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + "/api/v1/cases"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                if (response.statusCode() != 201) {
                    throw new PlatformException("Seeding demo cases failed: HTTP " + response.statusCode() + " " + response.body());
                }
                opened++;
            }
        }
        ChildProcess.write(marker, "seeded " + opened + " demo cases at " + Instant.now() + "\n");
        System.out.println("  demo data  " + opened + " cases opened in 5 cells");
    }

    /**
     * Journeys 1 and 5 need something to look at: one Karachi case with consent to evidence collection and
     * testing (given through the cases API), and one swab kit registered by the cell's medical officer once
     * those consents have reached the evidence service by event. Done once per home (its own marker, so a
     * home seeded before the evidence service existed gets it too).
     */
    private void seedEvidenceOnce() {
        Path marker = settings.home().resolve("seeded-evidence");
        if (Files.exists(marker)) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        String caseWorker = userToken(http, "khi.caseworker");
        // Journey 1's intake: a 24-year-old woman, rape (PPC 376) after weeks of cyber-stalking (PECA 2016 s.24).
        HttpResponse<String> opened = post(http, "/api/v1/cases", caseWorker, "{\"channel\":\"WALK_IN\",\"ageBand\":\"ADULT_18_24\","
                + "\"arrivedAt\":\"" + Instant.now().minus(Duration.ofHours(2)) + "\",\"sexGender\":\"FEMALE\","
                + "\"incidentType\":\"RAPE\",\"legalSections\":[\"PPC_376\",\"PECA_24\"]}");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(opened.body());
        if (opened.statusCode() != 201 || !id.find()) {
            throw new PlatformException("Seeding the evidence demo case failed: HTTP " + opened.statusCode() + " " + opened.body());
        }
        String caseId = id.group(1);
        for (String purpose : List.of("EVIDENCE_COLLECTION", "EVIDENCE_TESTING")) {
            HttpResponse<String> consent = post(http, "/api/v1/cases/" + caseId + "/consents", caseWorker,
                    "{\"purpose\":\"" + purpose + "\",\"givenBy\":\"SURVIVOR\"}");
            if (consent.statusCode() != 201) {
                throw new PlatformException("Seeding consent " + purpose + " failed: HTTP " + consent.statusCode() + " "
                        + consent.body());
            }
        }
        String medical = userToken(http, "khi.medical");
        String kit = "{\"caseId\":\"" + caseId + "\",\"type\":\"SWABS\",\"kitNumber\":\"KHI-DEMO-"
                + Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT)
                + "\",\"sealNumber\":\"SEAL-DEMO-1\",\"collectedAt\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\"}";
        // The case and its consents reach the evidence service by event; until then it answers 404 or 422.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> registered = post(http, "/api/v1/evidence/items", medical, kit);
        while ((registered.statusCode() == 404 || registered.statusCode() == 422) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(500));
            registered = post(http, "/api/v1/evidence/items", medical, kit);
        }
        Matcher code = Pattern.compile("\"survivorCode\"\\s*:\\s*\"([^\"]+)\"").matcher(registered.body());
        if (registered.statusCode() != 201 || !code.find()) {
            throw new PlatformException("Seeding the demo evidence kit failed: HTTP " + registered.statusCode() + " "
                    + registered.body());
        }
        ChildProcess.write(marker, "seeded one SWABS kit for KHI case " + caseId + " at " + Instant.now()
                + "\nsurvivor status code " + code.group(1) + "\n");
        System.out.println("  demo data  1 evidence kit (KHI, swabs); survivor status code " + code.group(1)
                + " (GET /api/v1/evidence/status/<code>, no token)");
    }

    /**
     * Journey 1 in court: a Karachi case with consent to a police report, whose legal file (opened by event) gets
     * an FIR, a special court in camera and two hearings, the first adjourned at the defence's request. Done once
     * per home (its own marker).
     */
    private void seedLegalOnce() {
        Path marker = settings.home().resolve("seeded-legal");
        if (Files.exists(marker)) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        String caseWorker = userToken(http, "khi.caseworker");
        Instant arrived = Instant.now().minus(Duration.ofHours(6));
        HttpResponse<String> opened = post(http, "/api/v1/cases", caseWorker, "{\"channel\":\"WALK_IN\",\"ageBand\":\"ADULT_18_24\","
                + "\"arrivedAt\":\"" + arrived + "\",\"sexGender\":\"FEMALE\","
                + "\"incidentType\":\"RAPE\",\"legalSections\":[\"PPC_376\",\"PECA_24\"]}");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(opened.body());
        if (opened.statusCode() != 201 || !id.find()) {
            throw new PlatformException("Seeding the legal demo case failed: HTTP " + opened.statusCode() + " " + opened.body());
        }
        String caseId = id.group(1);
        HttpResponse<String> consent = post(http, "/api/v1/cases/" + caseId + "/consents", caseWorker,
                "{\"purpose\":\"POLICE_REPORT\",\"givenBy\":\"SURVIVOR\"}");
        if (consent.statusCode() != 201) {
            throw new PlatformException("Seeding consent POLICE_REPORT failed: HTTP " + consent.statusCode() + " " + consent.body());
        }
        String legal = userToken(http, "khi.legal");
        String file = "/api/v1/legal/files/" + caseId;
        // The case and its consent reach the legal-aid service by event; until then it answers 404 or 422.
        String fir = "{\"policeStation\":\"ps-khi-women-saddar\",\"firNumber\":\"FIR-311/2026\",\"registeredAt\":\""
                + arrived.plus(Duration.ofHours(5)) + "\",\"sections\":[\"PPC_376\",\"PECA_24\"],\"officer\":\"SI Rukhsana Bibi\"}";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> registered = post(http, file + "/fir", legal, fir);
        while ((registered.statusCode() == 404 || registered.statusCode() == 422) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(500));
            registered = post(http, file + "/fir", legal, fir);
        }
        expect(registered, 201, "the demo FIR");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Karachi"));
        expect(post(http, file + "/trial", legal, "{\"court\":\"Special Court (Anti-Rape), Karachi South\","
                + "\"courtCaseNumber\":\"SC-AR-17/2026\",\"judge\":\"Judge A. Memon\",\"inCamera\":true,"
                + "\"reachedCourtOn\":\"" + today + "\"}"), 201, "the demo trial");
        HttpResponse<String> hearing = post(http, file + "/hearings", legal, "{\"on\":\"" + today
                + "\",\"purpose\":\"FRAMING_OF_CHARGE\"}");
        expect(hearing, 201, "the demo hearing");
        Matcher hearingId = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(hearing.body());
        hearingId.find();
        expect(post(http, file + "/hearings/" + hearingId.group(1) + "/outcome", legal, "{\"outcome\":\"ADJOURNED\","
                + "\"adjournmentReason\":\"DEFENCE_COUNSEL_ABSENT\",\"soughtBy\":\"DEFENCE\",\"nextOn\":\""
                + today.plusDays(14) + "\"}"), 200, "the demo adjournment");
        ChildProcess.write(marker, "seeded the legal file of KHI case " + caseId + " at " + Instant.now() + "\n");
        System.out.println("  demo data  1 legal file (KHI case " + caseId + "): FIR, special court in camera,"
                + " two hearings, the first adjourned");
    }

    /**
     * Figures for the reporting service and the dashboard: about 150 cases over the six months before this one in
     * all six cells, many in Karachi and Lahore, few in Islamabad and Multan, so that some figures show and some are
     * suppressed. Each case has the survivor's (or guardian's) consent to statistics; two in three had a
     * medico-legal exam, some within 6 hours, some later. Done once per home (its own marker).
     */
    private void seedReportingOnce() {
        Path marker = settings.home().resolve("seeded-reporting");
        if (Files.exists(marker)) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        Map<String, int[]> perMonth = new LinkedHashMap<>();
        perMonth.put("khi", new int[] { 9, 11, 8, 12, 10, 7 });
        perMonth.put("lhe1", new int[] { 7, 6, 9, 5, 8, 6 });
        perMonth.put("lhe2", new int[] { 3, 5, 2, 6, 4, 5 });
        perMonth.put("rwp", new int[] { 5, 3, 6, 2, 5, 4 });
        perMonth.put("mux", new int[] { 2, 1, 4, 3, 2, 6 });
        perMonth.put("isb", new int[] { 1, 2, 0, 3, 1, 2 });
        String[] ageBands = { "ADULT_18_24", "ADULT_25_59", "CHILD_12_17", "ADULT_18_24", "CHILD_0_11", "ADULT_25_59" };
        String[] channels = { "WALK_IN", "POLICE", "NGO_REFERRAL", "WALK_IN", "HOTLINE" };
        String[] incidents = { "RAPE", "SEXUAL_ASSAULT", "RAPE", "PHYSICAL_ASSAULT", "RAPE", "PSYCHOLOGICAL_ABUSE" };
        java.time.YearMonth thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Karachi"));
        int opened = 0;
        for (Map.Entry<String, int[]> cell : perMonth.entrySet()) {
            String caseWorker = userToken(http, cell.getKey() + ".caseworker");
            String supervisor = userToken(http, cell.getKey() + ".supervisor");
            for (int m = 0; m < 6; m++) {
                java.time.YearMonth month = thisMonth.minusMonths(6 - m);
                for (int i = 0; i < cell.getValue()[m]; i++, opened++) {
                    String ageBand = ageBands[opened % ageBands.length];
                    Instant arrivedAt = month.atDay(1 + (i * 3) % 27).atTime(9 + i % 8, 0)
                            .atZone(java.time.ZoneId.of("Asia/Karachi")).toInstant();
                    HttpResponse<String> created = post(http, "/api/v1/cases", caseWorker, "{\"channel\":\""
                            + channels[opened % channels.length] + "\",\"ageBand\":\"" + ageBand + "\",\"arrivedAt\":\""
                            + arrivedAt + "\",\"sexGender\":\"" + (opened % 9 == 4 ? "MALE" : "FEMALE")
                            + "\",\"incidentType\":\"" + incidents[opened % incidents.length] + "\"}");
                    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created.body());
                    if (created.statusCode() != 201 || !id.find()) {
                        throw new PlatformException("Seeding reporting demo cases failed: HTTP " + created.statusCode());
                    }
                    String cases = "/api/v1/cases/" + id.group(1);
                    boolean child = ageBand.startsWith("CHILD");
                    String consent = "\",\"givenBy\":\"" + (child ? "GUARDIAN" : "SURVIVOR") + "\""
                            + (ageBand.equals("CHILD_12_17") ? ",\"childAssent\":true}" : "}");
                    expect(post(http, cases + "/consents", caseWorker, "{\"purpose\":\"STATISTICS" + consent), 201,
                            "statistics consent");
                    if (opened % 3 != 2) {
                        expect(post(http, cases + "/consents", caseWorker, "{\"purpose\":\"MEDICAL_EXAM" + consent), 201,
                                "medical exam consent");
                        long minutes = 90L + (opened * 53L) % 540;
                        expect(post(http, cases + "/services", supervisor, "{\"service\":\"MEDICO_LEGAL_EXAM\","
                                + "\"deliveredAt\":\"" + arrivedAt.plus(Duration.ofMinutes(minutes)) + "\"}"), 201,
                                "medico-legal exam");
                    }
                }
            }
        }
        ChildProcess.write(marker, "seeded " + opened + " reporting demo cases at " + Instant.now() + "\n");
        System.out.println("  demo data  " + opened + " cases over six months in six cells with consent to statistics"
                + " (figures at /api/v1/reports/tables, some suppressed)");
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new PlatformException("Seeding " + what + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> post(HttpClient http, String path, String token, String json) {
        return send(http, HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted");
        }
    }

    /** A user token from the development-only public client {@code arcc-cli}. */
    String userToken(HttpClient http, String username) {
        String form = "grant_type=password&client_id=arcc-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(settings.oidcUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new PlatformException("Keycloak gave no token for " + username + ": HTTP " + response.statusCode());
        }
        return token.group(1);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PlatformException("HTTP call to " + request.uri() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted");
        }
    }
}
