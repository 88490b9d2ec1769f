package org.arcc.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code arcc-local verify-audit}: an operator's check of the services' audit trails through the gateway, as
 * {@code platform.admin}. For each service it prints the service's own check (its hashes and the anchors it
 * stores), then the cross-check against the anchors of its trail that another service keeps, which still
 * names a rewrite when the local anchors were deleted or rewritten too. True when every check reports intact.
 */
final class AuditVerification {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Each service (as its audit path names it; legal-aid's anchors carry the source {@code /arcc/legal-aid}), and the
     * service whose copy of its anchors the cross-check uses.
     */
    private static final Map<String, String> HOLDER = Map.of("cases", "evidence", "evidence", "cases", "legal", "cases");

    private final LocalSettings settings;
    private final Function<HttpClient, String> adminToken;

    AuditVerification(LocalSettings settings, Function<HttpClient, String> adminToken) {
        this.settings = settings;
        this.adminToken = adminToken;
    }

    boolean run() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = adminToken.apply(http);
        boolean intact = true;
        for (String service : List.of("cases", "evidence", "legal")) {
            String other = HOLDER.get(service);
            String verification = "/api/v1/audit/" + service + "/verification";
            intact &= print(service + ": own check", call(http, token, "GET", verification, null));

            JsonNode held = call(http, token, "GET", "/api/v1/audit/" + other + "/anchors-held?source=/arcc/"
                    + (service.equals("legal") ? "legal-aid" : service)
                    + "&limit=50", null);
            if (held == null) {
                intact = false;
                continue;
            }
            if (held.path("anchors").isEmpty()) {
                System.out.println(service + ": cross-check skipped, " + other + " holds no anchor of it yet"
                        + " (the first is signed arcc.audit.anchor-interval after the trail moves)");
                continue;
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("anchors", held.path("anchors"));
            intact &= print(service + ": cross-check against " + held.path("anchors").size() + " anchor(s) " + other
                    + " holds", call(http, token, "POST", verification, body.toString()));
        }
        System.out.println(intact ? "Audit trails intact." : "AUDIT TRAIL BROKEN (see above).");
        return intact;
    }

    /** Prints one report; true if intact. */
    private static boolean print(String what, JsonNode report) {
        if (report == null) {
            return false;
        }
        boolean intact = report.path("intact").asBoolean(false);
        System.out.printf("%s: %s, %d rows and %d anchors checked%n", what, intact ? "intact" : "BROKEN",
                report.path("rowsChecked").asLong(), report.path("anchorsChecked").asLong());
        for (JsonNode problem : report.path("problems")) {
            System.out.printf("  %-20s chain %-3d position %-8d %s%n", problem.path("kind").asText(),
                    problem.path("chain").asInt(), problem.path("position").asLong(), problem.path("detail").asText());
        }
        return intact;
    }

    /** The answer's JSON, or null (and the problem printed) if it is not a 200. */
    private JsonNode call(HttpClient http, String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.out.println(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
                return null;
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PlatformException(method + " " + path + " failed (is the platform running?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted");
        }
    }
}
