package org.arcc.contracts;

/**
 * What a payload record declares about itself on the wire. The type is stable and versioned
 * ({@code arcc.case.opened.v1}); it never follows a Java class name.
 */
public interface EventType {

    /** CloudEvents {@code type}, e.g. {@code arcc.case.opened.v1}. */
    String type();

    /** The topic that carries it. */
    String topic();

    /** Aggregate type name, e.g. {@code case}. */
    String aggregateType();

    /** Classpath location of the JSON Schema every payload of this type validates against. */
    default String schema() {
        return "schemas/" + type() + ".json";
    }
}
