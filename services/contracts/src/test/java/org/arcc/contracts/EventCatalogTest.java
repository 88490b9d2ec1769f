package org.arcc.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The catalogue, the payload records, the schemas and the docs describe the same events. */
@UnitTest
class EventCatalogTest {

    private static final Pattern WIRE_TYPE = Pattern.compile("arcc\\.[a-z]+(\\.[a-z-]+)+\\.v[0-9]+");
    private static final Pattern TOPIC = Pattern.compile("arcc\\.[a-z]+\\.v[0-9]+");
    /** Field names that would mean identity travels in an event. */
    private static final Set<String> IDENTITY_FIELDS = Set.of("name", "fullname", "firstname", "lastname", "cnic",
            "phone", "mobile", "address", "email", "guardianname", "fathername", "dateofbirth");

    @Test
    void wireNamesAreStableAndVersioned() {
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            assertThat(entry.type().type()).matches(WIRE_TYPE).doesNotContain(entry.payload().getSimpleName());
            assertThat(entry.type().topic()).matches(TOPIC);
        }
        assertThat(EventCatalog.ALL.stream().map(e -> e.type().type()).distinct()).hasSameSizeAs(EventCatalog.ALL);
    }

    @Test
    void everyRecordMatchesItsSchemaExactly() {
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            JsonNode schema = ContractFiles.json(ContractFiles.SCHEMAS.resolve(entry.type().type() + ".json"));
            Set<String> components = Arrays.stream(entry.payload().getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet());
            Set<String> properties = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = new HashSet<>();
            schema.get("required").forEach(r -> required.add(r.asText()));

            assertThat(properties).as("schema properties of %s", entry.type().type()).isEqualTo(components);
            assertThat(required).as("required fields of %s", entry.type().type()).isEqualTo(components);
            assertThat(schema.get("additionalProperties").asBoolean(true)).as("closed object").isFalse();
            assertThat(schema.get("title").asText()).isEqualTo(entry.type().type());
        }
    }

    @Test
    void everySchemaFileBelongsToACataloguedEvent() throws IOException {
        Set<String> catalogued = EventCatalog.ALL.stream().map(e -> e.type().type() + ".json").collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(ContractFiles.SCHEMAS)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(catalogued);
        }
    }

    @Test
    void noPayloadCarriesIdentity() {
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            List<String> fields = Arrays.stream(entry.payload().getRecordComponents())
                    .map(c -> c.getName().toLowerCase()).toList();
            assertThat(fields).as("fields of %s", entry.type().type()).doesNotContainAnyElementsOf(IDENTITY_FIELDS);
        }
    }

    @Test
    void docsListEveryEvent() {
        String catalogue = ContractFiles.text(ContractFiles.DOCS.resolve("events.md"));
        String asyncApi = ContractFiles.text(ContractFiles.DOCS.resolve("asyncapi.yaml"));
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            assertThat(catalogue).as("docs/events.md").contains("`" + entry.type().type() + "`");
            assertThat(asyncApi).as("docs/asyncapi.yaml").contains(entry.type().type());
            for (RecordComponent field : entry.payload().getRecordComponents()) {
                assertThat(catalogue).as("docs/events.md field %s of %s", field.getName(), entry.type().type())
                        .contains("`" + field.getName() + "`");
            }
        }
    }
}
