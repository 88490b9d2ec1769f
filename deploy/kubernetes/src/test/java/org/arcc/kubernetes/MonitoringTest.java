package org.arcc.kubernetes;

import static org.arcc.kubernetes.OverlayContentsTest.name;
import static org.arcc.kubernetes.OverlayContentsTest.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.arcc.contracts.telemetry.PlatformMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Telemetry on the cluster (docs/deployment.md, "Telemetry" and "Alerts"): Prometheus scrapes every service and the
 * gateway, the alerts the issue asks for exist, and every alert and dashboard panel reads only metrics the services
 * expose ({@link PlatformMetrics}, whose exposure the services' own tests check).
 */
class MonitoringTest {

    private static final Set<String> REQUIRED_ALERTS = Set.of("ArccConsumerLag", "ArccDeadLetters",
            "ArccAuditChainBroken", "ArccCustodyLogBroken", "ArccCheckpointStale", "ArccServiceDown");

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void everyDeploymentIsScrapedAtQMetricsThroughItsService(String overlay) {
        for (ObjectNode deployment : ofKind(overlay, "Deployment")) {
            ObjectNode service = ofKind(overlay, "Service").stream().filter(s -> name(s).equals(name(deployment)))
                    .findFirst().orElseThrow(() -> new AssertionError("no Service for " + name(deployment)));
            List<ObjectNode> monitors = ofKind(overlay, "ServiceMonitor").stream().filter(m ->
                    OverlayContentsTest.NetworkPolicies.selects(m.at("/spec/selector"), service.at("/metadata/labels")))
                    .toList();
            assertThat(monitors).as(name(deployment) + " has one ServiceMonitor").hasSize(1);
            JsonNode endpoint = monitors.get(0).at("/spec/endpoints/0");
            assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
            assertThat(service.at("/spec/ports").findValuesAsText("name")).as("the monitored port")
                    .contains(endpoint.path("port").asText());
            assertThat(env(deployment, "ARCC_LOG_JSON")).as(name(deployment) + " logs JSON").isEqualTo("true");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void alertsAndPanelsReadOnlyMetricsTheServicesExpose(String overlay) throws Exception {
        Map<String, String> expressions = expressions(overlay);
        assertThat(expressions).isNotEmpty();
        Set<String> readable = PlatformMetrics.readableSeries();
        expressions.forEach((where, expression) -> assertThat(PromQl.series(expression)).as(where + ": " + expression)
                .isNotEmpty().allSatisfy(series -> assertThat(readable).as("series " + series + " is exposed").contains(series)));
    }

    @Test
    void theAlertsAndPanelsTheIssueAsksForExist() throws Exception {
        List<String> alerts = new ArrayList<>();
        ofKind("overlays/production", "PrometheusRule").forEach(rule -> rule.at("/spec/groups")
                .forEach(group -> group.path("rules").forEach(r -> alerts.add(r.path("alert").asText()))));
        assertThat(alerts).containsAll(REQUIRED_ALERTS);

        List<String> titles = dashboard("overlays/production").path("panels").findValuesAsText("title");
        assertThat(String.join("|", titles).toLowerCase()).contains("request rate", "latency", "consumer lag",
                "dead letters", "deadline breaches", "checkpoint age");
    }

    @Test
    void aMisspeltMetricInARuleIsCaught() {
        assertThat(PromQl.series("sum by (job, consumer) (increase(arcc_consumer_dead_letters_total{x=\"y\"}[15m])) > 0"))
                .containsExactly("arcc_consumer_dead_letters_total");
        assertThat(PromQl.series("max (a_b) > 0 and max (c) > 1800")).containsExactly("a_b", "c");
        assertThat(PlatformMetrics.readableSeries()).doesNotContain("arcc_consumer_deadletters_total")
                .contains("arcc_consumer_dead_letters_total", "http_server_requests_seconds_bucket", "up");
    }

    /** Every PromQL expression of the alerts and of the dashboard, by where it is. */
    private static Map<String, String> expressions(String overlay) throws Exception {
        Map<String, String> found = new TreeMap<>();
        ofKind(overlay, "PrometheusRule").forEach(rule -> rule.at("/spec/groups").forEach(group -> group.path("rules")
                .forEach(r -> found.put("alert " + r.path("alert").asText(), r.path("expr").asText()))));
        for (JsonNode panel : dashboard(overlay).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                found.put("panel " + panel.path("title").asText() + " " + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        return found;
    }

    private static JsonNode dashboard(String overlay) throws Exception {
        ObjectNode map = ofKind(overlay, "ConfigMap").stream().filter(c -> c.at("/metadata/labels/grafana_dashboard")
                .isTextual()).findFirst().orElseThrow(() -> new AssertionError("no dashboard ConfigMap"));
        return new ObjectMapper().readTree(map.at("/data/arcc-platform.json").asText());
    }

    private static String env(JsonNode deployment, String variable) {
        for (JsonNode e : deployment.at("/spec/template/spec/containers/0/env")) {
            if (variable.equals(e.path("name").asText())) {
                return e.path("value").asText();
            }
        }
        return null;
    }
}
