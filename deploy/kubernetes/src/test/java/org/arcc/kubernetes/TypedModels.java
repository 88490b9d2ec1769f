package org.arcc.kubernetes;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Reads a manifest into the typed model of its kind: the fabric8 Kubernetes model for Kubernetes' own kinds and for
 * the prometheus-operator's (ServiceMonitor, PrometheusRule), Strimzi's API model for Kafka's. Both models keep
 * unknown fields in a side map ({@code @JsonAnySetter}), which would let a misspelt field through silently; this
 * reader turns that off, so an unknown field is refused.
 */
final class TypedModels {

    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("Deployment", Deployment.class),
            Map.entry("Service", Service.class),
            Map.entry("ConfigMap", ConfigMap.class),
            Map.entry("PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("Ingress", Ingress.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class),
            Map.entry("Kafka", Kafka.class),
            Map.entry("KafkaNodePool", KafkaNodePool.class),
            Map.entry("KafkaTopic", KafkaTopic.class),
            Map.entry("KafkaUser", KafkaUser.class),
            Map.entry("ServiceMonitor", ServiceMonitor.class),
            Map.entry("PrometheusRule", PrometheusRule.class));

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private TypedModels() {
    }

    /**
     * The API versions the model reads: the one it is annotated with, and for Strimzi's resources every version
     * the operator serves (its {@code VERSIONS}; Strimzi annotates some classes with an older one).
     */
    @SuppressWarnings("unchecked")
    static List<String> apiVersions(Class<? extends HasMetadata> type) {
        String annotated = HasMetadata.getApiVersion(type);
        try {
            List<String> versions = (List<String>) type.getField("VERSIONS").get(null);
            String group = HasMetadata.getGroup(type);
            return versions.stream().map(v -> group + "/" + v).toList();
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return List.of(annotated);
        }
    }

    static boolean knows(JsonNode manifest) {
        return KINDS.containsKey(manifest.path("kind").asText());
    }

    /** What is wrong with the manifest as its kind's model reads it; empty if nothing. */
    static List<String> problems(JsonNode manifest) {
        Class<? extends HasMetadata> type = KINDS.get(manifest.path("kind").asText());
        List<String> served = apiVersions(type);
        if (!served.contains(manifest.path("apiVersion").asText())) {
            return List.of("apiVersion " + manifest.path("apiVersion").asText() + " where the model reads " + served);
        }
        try {
            STRICT.treeToValue(manifest, type);
            return List.of();
        } catch (Exception e) {
            return List.of(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
    }
}
