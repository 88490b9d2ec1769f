package org.arcc.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A released event schema may only change in ways its consumers survive. Breaking it fails the build; the
 * way forward is a new version of the event ({@code .v2}), see {@code released-schemas/README.md}.
 */
@UnitTest
class SchemaCompatibilityTest {

    @Test
    void everyReleasedSchemaStillExistsAndIsBackwardCompatible() throws IOException {
        List<String> breaks = new ArrayList<>();
        try (Stream<Path> released = Files.list(ContractFiles.RELEASED)) {
            for (Path old : released.filter(p -> p.toString().endsWith(".json")).toList()) {
                Path current = ContractFiles.SCHEMAS.resolve(old.getFileName());
                if (!Files.exists(current)) {
                    breaks.add(old.getFileName() + ": removed");
                    continue;
                }
                breaks.addAll(breakingChanges(old.getFileName().toString(), ContractFiles.json(old),
                        ContractFiles.json(current)));
            }
        }
        assertThat(breaks).as("incompatible changes to released event schemas").isEmpty();
    }

    @Test
    void theCheckCatchesWhatItMustCatch() {
        JsonNode released = ContractFiles.json(ContractFiles.RELEASED.resolve("arcc.case.opened.v1.json"));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();

        var removed = released.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) removed.get("properties")).remove("channel");
        assertThat(breakingChanges("x", released, removed)).anyMatch(b -> b.contains("channel") && b.contains("removed"));

        var retyped = released.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) retyped.get("properties").get("cell")).put("type", "integer");
        assertThat(breakingChanges("x", released, retyped)).anyMatch(b -> b.contains("cell") && b.contains("type"));

        var newRequired = released.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) newRequired.get("properties"))
                .set("extra", mapper.createObjectNode().put("type", "string"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) newRequired.get("required")).add("extra");
        assertThat(breakingChanges("x", released, newRequired)).anyMatch(b -> b.contains("extra") && b.contains("required"));

        var narrowedEnum = released.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) narrowedEnum.get("properties").get("channel").get("enum")).remove(0);
        assertThat(breakingChanges("x", released, narrowedEnum)).anyMatch(b -> b.contains("channel") && b.contains("enum"));

        var newOptional = released.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) newOptional.get("properties"))
                .set("note", mapper.createObjectNode().put("type", "string"));
        assertThat(breakingChanges("x", released, newOptional)).isEmpty();
    }

    /** What in {@code current} breaks a consumer written against {@code released}. */
    static List<String> breakingChanges(String name, JsonNode released, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        if (!Objects.equals(released.path("additionalProperties").asBoolean(true),
                current.path("additionalProperties").asBoolean(true))) {
            breaks.add(name + ": additionalProperties changed");
        }
        Set<String> requiredBefore = names(released.path("required"));
        for (String field : names(current.path("required"))) {
            if (!requiredBefore.contains(field)) {
                breaks.add(name + ": field " + field + " became required");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = released.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> before = it.next();
            JsonNode after = current.path("properties").get(before.getKey());
            String field = before.getKey();
            if (after == null) {
                breaks.add(name + ": field " + field + " removed");
                continue;
            }
            if (!Objects.equals(before.getValue().get("type"), after.get("type"))) {
                breaks.add(name + ": field " + field + " changed type");
            }
            if (!Objects.equals(before.getValue().get("format"), after.get("format"))) {
                breaks.add(name + ": field " + field + " changed format");
            }
            if (before.getValue().has("enum")) {
                Set<String> kept = names(after.path("enum"));
                for (String value : names(before.getValue().get("enum"))) {
                    if (!kept.contains(value)) {
                        breaks.add(name + ": field " + field + " lost enum value " + value);
                    }
                }
            }
        }
        return breaks;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
