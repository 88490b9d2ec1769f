package org.arcc.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.arcc.contracts.EventCatalog;
import org.arcc.contracts.Topics;

/**
 * What a service's code says it needs from its environment and from Kafka, read from its sources: the ARCC_*
 * variables its configuration reads, the topics its outbox publishes to and the consumer groups and topics its
 * inbox consumers read. The manifests are checked against this, so a new variable, event or consumer in the code
 * fails the build until the manifests follow.
 */
final class ServiceCode {

    static final Path REPO = GeneratedManifests.repositoryRoot(Path.of(""));
    static final Path COMMON = REPO.resolve("services/common");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(ARCC_[A-Z0-9_]+)");
    private static final Pattern RECORDED = Pattern.compile("outbox\\.record\\((\\w+)\\.TYPE");
    private static final Pattern STARTED = Pattern.compile("consumers\\.start\\((\\w+|\"[^\"]+\"), *([^,]+),");
    private static final Pattern TOPIC = Pattern.compile("Topics\\.(\\w+)");
    /** How the shared AnchorKeeping starts its consumer; its group is {@code <service>-anchors}. */
    private static final String ANCHOR_KEEPING = "consumers.start(consumerName(), List.of(Topics.ANCHORS)";

    /** One inbox consumer: its group id and the topics it reads. */
    record Consumer(String group, Set<String> topics) {
    }

    private final Path module;

    private ServiceCode(Path module) {
        this.module = module;
    }

    /** The module of a Deployment: the gateway, or services/<name>. */
    static ServiceCode of(String deployment) {
        Path module = "gateway".equals(deployment) ? REPO.resolve("gateway") : REPO.resolve("services/" + deployment);
        if (!Files.isRegularFile(module.resolve("src/main/resources/application.properties"))) {
            throw new AssertionError("No service module for the Deployment " + deployment + " at " + module);
        }
        return new ServiceCode(module);
    }

    /** The modules that run as a service: those with a Quarkus application name. */
    static Set<String> runnableModules() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> dirs = Stream.concat(Files.list(REPO.resolve("services")), Stream.of(REPO.resolve("gateway")))) {
            dirs.filter(dir -> properties(dir).lines().anyMatch(l -> l.startsWith("quarkus.application.name=")))
                    .forEach(dir -> names.add(dir.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    boolean usesCommon() {
        return read(module.resolve("pom.xml")).contains("<artifactId>arcc-common</artifactId>");
    }

    /** ARCC_* variables the production configuration reads (dev and test profile lines aside). */
    Set<String> variables() {
        Set<String> names = new TreeSet<>();
        List<String> lines = new ArrayList<>(properties(module).lines().toList());
        if (usesCommon()) {
            lines.addAll(read(COMMON.resolve("src/main/resources/META-INF/microprofile-config.properties")).lines().toList());
        }
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.startsWith("%dev") || trimmed.startsWith("%test")) {
                continue;
            }
            Matcher m = VARIABLE.matcher(trimmed);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The CloudEvents source its outbox publishes as ({@code arcc.outbox.source}), e.g. {@code /arcc/cases}. */
    String outboxSource() {
        return properties(module).lines().filter(l -> l.startsWith("arcc.outbox.source=")).findFirst()
                .map(l -> l.substring(l.indexOf('=') + 1).strip())
                .orElseThrow(() -> new AssertionError(module + " names no arcc.outbox.source"));
    }

    /** Topics its outbox publishes to: the events its code records, and the shared audit events (arcc-common). */
    Set<String> producedTopics() {
        Map<String, String> topicOfPayload = new LinkedHashMap<>();
        EventCatalog.ALL.forEach(e -> topicOfPayload.put(e.payload().getSimpleName(), e.type().topic()));
        Set<String> topics = new TreeSet<>();
        for (String source : sources(usesCommon() ? List.of(module, COMMON) : List.of(module))) {
            Matcher m = RECORDED.matcher(source);
            while (m.find()) {
                String topic = topicOfPayload.get(m.group(1));
                if (topic == null) {
                    throw new AssertionError(m.group(1) + " is recorded but is not in the EventCatalog");
                }
                topics.add(topic);
            }
        }
        return topics;
    }

    /** Its inbox consumers: those its own code starts, and the anchor keeper when it keeps peers' anchors. */
    List<Consumer> consumers() {
        List<Consumer> consumers = new ArrayList<>();
        for (String source : sources(List.of(module))) {
            Matcher m = STARTED.matcher(source);
            while (m.find()) {
                consumers.add(new Consumer(constant(source, m.group(1)), topics(source, m.group(2))));
            }
        }
        String properties = properties(module);
        if (usesCommon() && properties.lines().anyMatch(l -> l.startsWith("arcc.audit.peers."))) {
            String keeper = read(COMMON.resolve("src/main/java/org/arcc/common/audit/AnchorKeeping.java"));
            if (!keeper.contains(ANCHOR_KEEPING)) {
                throw new AssertionError("AnchorKeeping no longer starts its consumer as " + ANCHOR_KEEPING
                        + "; update ServiceCode");
            }
            String source = properties.lines().filter(l -> l.startsWith("arcc.outbox.source=")).findFirst()
                    .orElseThrow().substring("arcc.outbox.source=".length());
            consumers.add(new Consumer(source.substring(source.lastIndexOf('/') + 1) + "-anchors",
                    Set.of(Topics.ANCHORS)));
        }
        return consumers;
    }

    private static String constant(String source, String expression) {
        if (expression.startsWith("\"")) {
            return expression.substring(1, expression.length() - 1);
        }
        Matcher m = Pattern.compile(expression + " = \"([^\"]+)\"").matcher(source);
        if (!m.find()) {
            throw new AssertionError("Cannot resolve the consumer name " + expression);
        }
        return m.group(1);
    }

    private static Set<String> topics(String source, String expression) {
        String list = expression.strip();
        if (!list.startsWith("List.of(")) {
            Matcher m = Pattern.compile(list + " = (List\\.of\\([^)]*\\))").matcher(source);
            if (!m.find()) {
                throw new AssertionError("Cannot resolve the consumer's topics " + expression);
            }
            list = m.group(1);
        }
        Set<String> topics = new TreeSet<>();
        Matcher m = TOPIC.matcher(list);
        while (m.find()) {
            try {
                topics.add((String) Topics.class.getField(m.group(1)).get(null));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("No topic Topics." + m.group(1), e);
            }
        }
        return topics;
    }

    private static List<String> sources(List<Path> modules) {
        List<String> sources = new ArrayList<>();
        for (Path dir : modules) {
            try (Stream<Path> files = Files.walk(dir.resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static String properties(Path module) {
        Path file = module.resolve("src/main/resources/application.properties");
        return Files.isRegularFile(file) ? read(file) : "";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
