package org.arcc.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.arcc.kubernetes.TopicCatalogue.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code kubectl kustomize} makes of each overlay, checked against the code: the Deployments against the
 * services' configuration, the topics against the catalogue, the Kafka users against what each service publishes
 * and consumes, the realm against the demo data it must not carry, the NetworkPolicies against who talks to whom.
 */
class OverlayContentsTest {

    private static final Map<String, List<ObjectNode>> BUILDS = new ConcurrentHashMap<>();

    static List<ObjectNode> build(String overlay) {
        return BUILDS.computeIfAbsent(overlay, Kustomize::build);
    }

    static List<ObjectNode> ofKind(String overlay, String kind) {
        return build(overlay).stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void everyRunnableModuleHasADeploymentAndNothingElseDoes(String overlay) {
        Set<String> deployments = ofKind(overlay, "Deployment").stream().map(OverlayContentsTest::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(deployments).isEqualTo(ServiceCode.runnableModules());
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void everyDeploymentIsProbedSizedHardenedSpreadBudgetedAndScaled(String overlay) {
        Set<String> budgeted = ofKind(overlay, "PodDisruptionBudget").stream()
                .map(p -> p.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).collect(Collectors.toSet());
        Set<String> scaled = ofKind(overlay, "HorizontalPodAutoscaler").stream()
                .map(h -> h.at("/spec/scaleTargetRef/name").asText()).collect(Collectors.toSet());
        for (ObjectNode deployment : ofKind(overlay, "Deployment")) {
            String name = name(deployment);
            JsonNode pod = deployment.at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name + " runs as non-root").isTrue();
            assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).as(name + " needs no API token").isFalse();
            assertThat(pod.path("topologySpreadConstraints")).as(name + " spreads its replicas").isNotEmpty();
            assertThat(budgeted).as(name + " has a PodDisruptionBudget").contains(name);
            assertThat(scaled).as(name + " has a HorizontalPodAutoscaler").contains(name);
            for (JsonNode container : pod.path("containers")) {
                String what = name + "/" + container.path("name").asText();
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(what).isEqualTo("/q/health/live");
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(what).isEqualTo("/q/health/ready");
                assertThat(container.at("/resources/requests/cpu").asText()).as(what + " cpu request").isNotEmpty();
                assertThat(container.at("/resources/requests/memory").asText()).as(what + " memory request").isNotEmpty();
                assertThat(container.at("/resources/limits/memory").asText()).as(what + " memory limit").isNotEmpty();
                assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(what).isTrue();
                assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(what).isFalse();
                assertThat(container.at("/securityContext/capabilities/drop").toString()).as(what).contains("\"ALL\"");
                String image = container.path("image").asText();
                assertThat(image).as(what + " pins its image").matches(".+:[^:/]+").doesNotEndWith(":latest");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void everyDeploymentSetsExactlyTheVariablesItsServiceReads(String overlay) {
        for (ObjectNode deployment : ofKind(overlay, "Deployment")) {
            Set<String> set = new TreeSet<>();
            deployment.at("/spec/template/spec/containers/0/env").forEach(e -> {
                if (e.path("name").asText().startsWith("ARCC_")) {
                    set.add(e.path("name").asText());
                }
            });
            assertThat(set).as(name(deployment) + ": ARCC_* variables set vs read by its application.properties")
                    .isEqualTo(ServiceCode.of(name(deployment)).variables());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void theGatewaysRateLimitShareIsForExactlyItsReplicaCount(String overlay) {
        ObjectNode gateway = ofKind(overlay, "Deployment").stream().filter(d -> "gateway".equals(name(d))).findFirst()
                .orElseThrow();
        String share = null;
        for (JsonNode env : gateway.at("/spec/template/spec/containers/0/env")) {
            if ("ARCC_GATEWAY_REPLICAS".equals(env.path("name").asText())) {
                share = env.path("value").asText();
            }
        }
        JsonNode autoscaler = ofKind(overlay, "HorizontalPodAutoscaler").stream()
                .filter(h -> "gateway".equals(h.at("/spec/scaleTargetRef/name").asText())).findFirst().orElseThrow();
        int replicas = gateway.at("/spec/replicas").asInt(1);
        assertThat(share).as("each gateway replica enforces 1/ARCC_GATEWAY_REPLICAS of every rate limit")
                .isEqualTo(Integer.toString(replicas));
        assertThat(autoscaler.at("/spec/minReplicas").asInt()).as("the autoscaler keeps the gateway at that count")
                .isEqualTo(replicas);
        assertThat(autoscaler.at("/spec/maxReplicas").asInt()).isEqualTo(replicas);
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void everySecretADeploymentReadsIsProvided(String overlay) throws Exception {
        Set<String> generated = new HashSet<>();
        ofKind(overlay, "Cluster").forEach(c -> generated.add(name(c) + "-app"));
        ofKind(overlay, "ExternalSecret").forEach(e -> generated.add(e.at("/spec/target/name").asText()));
        // Strimzi: each KafkaUser's credentials (named after the user) and the cluster's CA certificate
        ofKind(overlay, "KafkaUser").forEach(u -> generated.add(name(u)));
        ofKind(overlay, "Kafka").forEach(k -> generated.add(name(k) + "-cluster-ca-cert"));
        String deploymentDoc = Files.readString(ServiceCode.REPO.resolve("docs/deployment.md"));
        for (ObjectNode deployment : ofKind(overlay, "Deployment")) {
            for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
                String secret = env.at("/valueFrom/secretKeyRef/name").asText();
                if (secret.isEmpty()) {
                    continue;
                }
                if (overlay.endsWith("production")) {
                    assertThat(generated).as(name(deployment) + " reads Secret " + secret
                            + ": an operator generates it or an ExternalSecret makes it").contains(secret);
                } else {
                    assertThat(generated.contains(secret) || deploymentDoc.contains("`" + secret + "`"))
                            .as(name(deployment) + " reads Secret " + secret
                                    + ": generated by an operator or listed in docs/deployment.md for dev").isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void theTopicsAreTheCatalogueWithTheEnvironmentsDurability(String overlay) {
        boolean production = overlay.endsWith("production");
        Map<String, JsonNode> topics = new HashMap<>();
        ofKind(overlay, "KafkaTopic").forEach(t -> topics.put(name(t), t));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(
                TopicCatalogue.all().stream().map(Topic::name).toList());
        for (JsonNode topic : topics.values()) {
            assertThat(topic.at("/spec/replicas").asInt()).as(name(topic)).isEqualTo(production ? 3 : 1);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as(name(topic)).isEqualTo(production ? 2 : 1);
        }
        JsonNode pool = ofKind(overlay, "KafkaNodePool").get(0);
        assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(production ? 3 : 1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void eachServicesKafkaUserMayDoWhatItsCodeDoesAndNothingElse(String overlay) {
        Map<String, JsonNode> users = new HashMap<>();
        ofKind(overlay, "KafkaUser").forEach(u -> users.put(name(u), u));
        Set<String> services = ofKind(overlay, "Deployment").stream()
                .filter(d -> "service".equals(d.at("/metadata/labels/app.kubernetes.io~1component").asText()))
                .map(OverlayContentsTest::name).collect(Collectors.toSet());
        assertThat(users.keySet()).as("one Kafka user per service").isEqualTo(services);
        for (String service : services) {
            assertThat(acls(users.get(service))).as(service + "'s ACLs against its code")
                    .isEqualTo(expectedAcls(ServiceCode.of(service)));
        }
    }

    /** One string per resource and operation, e.g. {@code topic arcc.cases.v1 literal Write}. */
    static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            JsonNode r = acl.path("resource");
            for (JsonNode op : acl.path("operations")) {
                acls.add(r.path("type").asText() + " " + r.path("name").asText() + " "
                        + r.path("patternType").asText("literal") + " " + op.asText());
            }
        }
        return acls;
    }

    static Set<String> expectedAcls(ServiceCode code) {
        Set<String> acls = new TreeSet<>();
        for (String topic : code.producedTopics()) {
            acls.add("topic " + topic + " literal Write");
            acls.add("topic " + topic + " literal Describe");
        }
        for (ServiceCode.Consumer consumer : code.consumers()) {
            acls.add("group " + consumer.group() + " literal Read");
            for (String topic : consumer.topics()) {
                acls.add("topic " + topic + " literal Read");
                acls.add("topic " + topic + " literal Describe");
                acls.add("topic " + org.arcc.contracts.Topics.deadLetter(topic) + " literal Write");
                acls.add("topic " + org.arcc.contracts.Topics.deadLetter(topic) + " literal Describe");
            }
        }
        // the outbox relay's transactional producer: "outbox-relay-arcc-<service>-<random>" (OutboxRelay), so that a
        // service's relays may use only its own transactional ids
        String transactionalIds = "outbox-relay" + code.outboxSource().replace('/', '-') + "-";
        acls.add("transactionalId " + transactionalIds + " prefix Write");
        acls.add("transactionalId " + transactionalIds + " prefix Describe");
        return acls;
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void theRealmImportCarriesNoDemoUserClientOrSecret(String overlay) throws Exception {
        JsonNode development = new ObjectMapper().readTree(
                Files.readString(ServiceCode.REPO.resolve("deploy/keycloak/arcc-realm.json")));
        Set<String> demoValues = new TreeSet<>();
        development.findValues("secret").forEach(s -> demoValues.add(s.asText()));
        development.findValues("credentials").forEach(c -> c.findValues("value").forEach(v -> demoValues.add(v.asText())));
        assertThat(demoValues).as("the development realm has demo secrets to look for").isNotEmpty();

        JsonNode realm = ofKind(overlay, "KeycloakRealmImport").get(0).at("/spec/realm");
        String text = realm.toString();
        assertThat(demoValues.stream().filter(text::contains).toList()).as("demo passwords and secrets").isEmpty();
        assertThat(List.of("demo", "localhost", "127.0.0.1", "development only").stream()
                .filter(text.toLowerCase()::contains).toList()).as("words of the development realm").isEmpty();
        assertThat(realm.findValues("credentials")).isEmpty();
        assertThat(realm.findValues("secret")).isEmpty();
        for (JsonNode user : realm.path("users")) {
            assertThat(user.has("serviceAccountClientId")).as(user.path("username").asText() + " is a service account")
                    .isTrue();
        }
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        assertThat(clients).doesNotContainAnyElementsOf(RealmForProduction.DEVELOPMENT_CLIENTS).contains("arcc-web");
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void onlyTheGatewayIsExposedAndOnlyOverTls(String overlay) {
        List<ObjectNode> ingresses = ofKind(overlay, "Ingress");
        assertThat(ingresses).hasSize(1);
        JsonNode ingress = ingresses.get(0);
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotEmpty();
        assertThat(ingress.findValues("service")).allSatisfy(s -> assertThat(s.path("name").asText()).isEqualTo("gateway"));
        assertThat(ofKind(overlay, "Service")).allSatisfy(s -> assertThat(s.at("/spec/type").asText("ClusterIP"))
                .isEqualTo("ClusterIP"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/production" })
    void networkPoliciesLetOnlyTheIntendedCallersIn(String overlay) {
        NetworkPolicies policies = new NetworkPolicies(ofKind(overlay, "NetworkPolicy"));
        assertThat(policies.denyByDefault()).as("a default-deny ingress policy").isTrue();

        Map<String, JsonNode> podLabels = new HashMap<>();
        ofKind(overlay, "Deployment").forEach(d -> podLabels.put(name(d), d.at("/spec/template/metadata/labels")));
        JsonNode gateway = podLabels.get("gateway");
        for (ObjectNode deployment : ofKind(overlay, "Deployment")) {
            String name = name(deployment);
            List<JsonNode> peers = policies.peersOf(podLabels.get(name));
            assertThat(peers).as(name + " is reachable by someone").isNotEmpty();
            assertThat(peers).as(name + " lets Prometheus scrape it").anyMatch(NetworkPolicies::isPrometheus);
            peers = peers.stream().filter(peer -> !NetworkPolicies.isPrometheus(peer)).toList();
            if ("gateway".equals(name)) {
                assertThat(peers).as("the gateway accepts the ingress controller (and Prometheus) only").allSatisfy(peer ->
                        assertThat(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                                .isEqualTo("ingress-nginx"));
            } else {
                assertThat(peers).as(name + " accepts the gateway (and Prometheus) only")
                        .allSatisfy(peer -> assertThat(NetworkPolicies.selectsPod(peer, gateway)).isTrue());
            }
        }

        // each database: its own service (found from the service's JDBC URL), its own instances, the operator
        for (ObjectNode cluster : ofKind(overlay, "Cluster")) {
            String db = name(cluster);
            ObjectNode dbPod = new ObjectMapper().createObjectNode().put("cnpg.io/cluster", db);
            List<JsonNode> clients = new ArrayList<>();
            ofKind(overlay, "Deployment").forEach(d -> d.at("/spec/template/spec/containers/0/env").forEach(e -> {
                if (e.path("name").asText().endsWith("_DB_URL") && e.path("value").asText().contains("//" + db + "-rw:")) {
                    clients.add(d.at("/spec/template/metadata/labels"));
                }
            }));
            ofKind(overlay, "Keycloak").forEach(k -> {
                if ((db + "-rw").equals(k.at("/spec/db/host").asText())) {
                    clients.add(new ObjectMapper().createObjectNode().put("app", "keycloak"));
                }
            });
            assertThat(clients).as(db + " is used by exactly one client").hasSize(1);
            for (JsonNode peer : policies.peersOf(dbPod)) {
                boolean ownInstances = NetworkPolicies.selectsPod(peer, dbPod) && !peer.has("namespaceSelector");
                boolean operator = "cnpg-system".equals(
                        peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
                boolean itsClient = !peer.has("namespaceSelector") && NetworkPolicies.selectsPod(peer, clients.get(0));
                assertThat(ownInstances || operator || itsClient).as(db + " lets in " + peer).isTrue();
                for (Map.Entry<String, JsonNode> other : podLabels.entrySet()) {
                    if (!other.getValue().equals(clients.get(0))) {
                        assertThat(NetworkPolicies.selectsPod(peer, other.getValue()) && !peer.has("namespaceSelector"))
                                .as(db + " lets in " + other.getKey()).isFalse();
                    }
                }
            }
        }

        // Kafka: the services, through our policy and through the listener's peers that Strimzi's own policy uses
        ObjectNode broker = new ObjectMapper().createObjectNode().put("strimzi.io/cluster", "arcc")
                .put("strimzi.io/kind", "Kafka");
        List<JsonNode> kafkaPeers = new ArrayList<>(policies.peersOf(broker));
        ofKind(overlay, "Kafka").get(0).at("/spec/kafka/listeners")
                .forEach(l -> l.path("networkPolicyPeers").forEach(kafkaPeers::add));
        assertThat(kafkaPeers).isNotEmpty();
        for (JsonNode peer : kafkaPeers) {
            assertThat(peer.has("namespaceSelector")).isFalse();
            podLabels.forEach((pod, labels) -> assertThat(NetworkPolicies.selectsPod(peer, labels))
                    .as("Kafka lets in " + pod).isEqualTo(!"gateway".equals(pod)));
        }
    }

    @Test
    void productionRunsThreeOfEverythingStatefulBacksUpEveryDatabaseAndTwoOfEveryService() {
        String overlay = "overlays/production";
        Set<String> scheduled = ofKind(overlay, "ScheduledBackup").stream().map(b -> b.at("/spec/cluster/name").asText())
                .collect(Collectors.toSet());
        for (ObjectNode cluster : ofKind(overlay, "Cluster")) {
            assertThat(cluster.at("/spec/instances").asInt()).as(name(cluster)).isEqualTo(3);
            assertThat(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText()).as(name(cluster))
                    .startsWith("s3://");
            assertThat(scheduled).as(name(cluster) + " has a ScheduledBackup").contains(name(cluster));
        }
        ofKind(overlay, "HorizontalPodAutoscaler").forEach(h -> assertThat(h.at("/spec/minReplicas").asInt())
                .as(name(h)).isGreaterThanOrEqualTo(2));
        ofKind(overlay, "Deployment").forEach(d -> assertThat(d.at("/spec/replicas").asInt()).as(name(d))
                .isGreaterThanOrEqualTo(2));
        assertThat(ofKind(overlay, "Kafka").get(0).at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
    }

    /** The NetworkPolicies of a build, asked who may reach a pod. */
    record NetworkPolicies(List<ObjectNode> all) {

        boolean denyByDefault() {
            return all.stream().anyMatch(p -> p.at("/spec/podSelector").isEmpty() && p.at("/spec/ingress").isMissingNode()
                    && p.at("/spec/policyTypes").toString().contains("Ingress"));
        }

        /** Every peer of every ingress rule of every policy that selects a pod with these labels. */
        List<JsonNode> peersOf(JsonNode podLabels) {
            List<JsonNode> peers = new ArrayList<>();
            for (ObjectNode policy : all) {
                if (selects(policy.at("/spec/podSelector"), podLabels)) {
                    for (JsonNode rule : policy.at("/spec/ingress")) {
                        assertThat(rule.has("from")).as(name(policy) + ": a rule without 'from' lets everyone in").isTrue();
                        rule.path("from").forEach(peers::add);
                    }
                }
            }
            return peers;
        }

        /** The prometheus-operator's Prometheus, in namespace monitoring: it may scrape, nothing else. */
        static boolean isPrometheus(JsonNode peer) {
            return "monitoring".equals(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                    && "prometheus".equals(peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText());
        }

        /** Whether a peer's pod selector (in this namespace) selects a pod with these labels. */
        static boolean selectsPod(JsonNode peer, JsonNode podLabels) {
            return peer.has("podSelector") && matches(peer.at("/podSelector/matchLabels"), podLabels);
        }

        /** A label selector: its matchLabels and its matchExpressions (operator In, the only one used here). */
        static boolean selects(JsonNode selector, JsonNode labels) {
            if (!matches(selector.path("matchLabels"), labels)) {
                return false;
            }
            for (JsonNode expression : selector.path("matchExpressions")) {
                assertThat(expression.path("operator").asText()).as("selector operator").isEqualTo("In");
                boolean in = false;
                for (JsonNode value : expression.path("values")) {
                    in |= value.asText().equals(labels.path(expression.path("key").asText()).asText(null));
                }
                if (!in) {
                    return false;
                }
            }
            return true;
        }

        static boolean matches(JsonNode matchLabels, JsonNode labels) {
            if (matchLabels.isMissingNode() || matchLabels.isEmpty()) {
                return true;
            }
            for (var it = matchLabels.fields(); it.hasNext();) {
                var label = it.next();
                if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                    return false;
                }
            }
            return true;
        }
    }
}
