package org.arcc.kubernetes;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.arcc.contracts.Topics;

/**
 * The topics the platform needs, read from {@link Topics} in services/contracts: every topic constant and its
 * dead-letter topic. A topic added there appears in the generated {@code KafkaTopic}s without anything else to edit.
 */
public final class TopicCatalogue {

    /** Partitions of every topic: the most replicas of one consumer group that can share the work. */
    public static final int PARTITIONS = 6;

    /** Dead letters are kept 90 days: long enough to be seen and replayed by hand, not forever. */
    public static final long DEAD_LETTER_RETENTION_MS = 90L * 24 * 60 * 60 * 1000;

    /** A topic to declare. {@code retentionMs} -1 keeps every record: projections are rebuilt from the start. */
    public record Topic(String name, int partitions, long retentionMs, boolean deadLetter) {
    }

    private TopicCatalogue() {
    }

    /** The event topics named in {@link Topics}, in declaration order. */
    public static List<String> eventTopics() {
        List<String> names = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                    && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** Every event topic followed by its dead-letter topic. */
    public static List<Topic> all() {
        List<Topic> topics = new ArrayList<>();
        for (String name : eventTopics()) {
            topics.add(new Topic(name, PARTITIONS, -1, false));
            topics.add(new Topic(Topics.deadLetter(name), PARTITIONS, DEAD_LETTER_RETENTION_MS, true));
        }
        return topics;
    }
}
