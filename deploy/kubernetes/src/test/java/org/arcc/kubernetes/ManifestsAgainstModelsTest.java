package org.arcc.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every resource the base and each overlay build to is read by a typed model (fabric8, Strimzi) or checked against
 * its operator's CRD schema, with unknown fields refused; a kind with neither fails the test.
 */
class ManifestsAgainstModelsTest {

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/production" })
    void everyResourceIsValidForItsModel(String dir) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode manifest : Kustomize.build(dir)) {
            String name = manifest.path("kind").asText() + " " + manifest.path("metadata").path("name").asText();
            List<String> found;
            if (TypedModels.knows(manifest)) {
                found = TypedModels.problems(manifest);
            } else if (CrdSchemas.knows(manifest)) {
                found = CrdSchemas.problems(manifest);
            } else {
                found = List.of("no typed model and no CRD schema for " + manifest.path("apiVersion").asText());
            }
            found.forEach(problem -> problems.add(name + ": " + problem));
        }
        assertThat(problems).as(dir).isEmpty();
    }

    @Test
    void aMisspeltFieldIsRefusedByEveryKindOfCheck() throws Exception {
        ObjectNode deployment = one("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
                """);
        assertThat(TypedModels.problems(deployment)).singleElement().asString().contains("readinesProbe");

        ObjectNode topic = one("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 1, replica: 1}
                """);
        assertThat(TypedModels.problems(topic)).singleElement().asString().contains("replica");

        ObjectNode cluster = one("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec: {instance: 3, storage: {size: 1Gi}}
                """);
        assertThat(CrdSchemas.problems(cluster)).anySatisfy(p -> assertThat(p).contains("instance"));

        ObjectNode oldApi = one("""
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata: {name: p}
                spec: {maxUnavailable: 1}
                """);
        assertThat(TypedModels.problems(oldApi)).singleElement().asString().contains("policy/v1");
    }

    private static ObjectNode one(String yaml) throws Exception {
        return Kustomize.documents(yaml).get(0);
    }
}
