package org.arcc.contracts;

/**
 * What a payload record declares about itself on the wire. The type is stable and versioned
 * ({@code arcc.case.opened.v1}); it never follows a Java class name.
 *
 * @param type          CloudEvents {@code type}, e.g. {@code arcc.case.opened.v1}
 * @param topic         the topic that carries it
 * @param aggregateType aggregate type name, e.g. {@code case}
 */
public record EventType(String type, String topic, String aggregateType) {

    /** Classpath location of the JSON Schema every payload of this type validates against. */
    public String schema() {
        return "schemas/" + type + ".json";
    }
}
