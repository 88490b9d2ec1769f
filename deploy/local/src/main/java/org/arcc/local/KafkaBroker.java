package org.arcc.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A single-node Kafka broker (KRaft) in its own JVM, data kept in {@code <home>/kafka}; formatted on first start. */
final class KafkaBroker extends ProcessComponent {

    private final Properties secrets;

    KafkaBroker(LocalSettings settings, Properties secrets) {
        super(settings);
        this.secrets = secrets;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public Map<String, Integer> ports() {
        return Map.of("kafka", settings.kafkaPort(), "kafka controller", settings.kafkaControllerPort());
    }

    private Path data() {
        return settings.home().resolve("kafka");
    }

    @Override
    ChildProcess launch() {
        Path config = settings.home().resolve("kafka.properties");
        ChildProcess.write(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + settings.kafkaControllerPort(),
                "listeners=PLAINTEXT://localhost:" + settings.kafkaPort() + ",CONTROLLER://localhost:" + settings.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://localhost:" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data(),
                "num.partitions=3",
                // Topics keep every event: reporting rebuilds its projections by replaying them from the start.
                "log.retention.ms=-1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        List<String> java = List.of(javaExecutable(), "-Xms64m", "-Xmx384m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-cp", System.getProperty("java.class.path"));
        if (!Files.exists(data().resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(java);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", secrets.getProperty("kafka.cluster-id"),
                    "-c", config.toString(), "--ignore-formatted"));
            ChildProcess formatting = ChildProcess.start("kafka-format", format, Map.of(), settings.home(), settings.logs());
            formatting.awaitCondition(() -> !formatting.isAlive(), Duration.ofSeconds(60), "finish formatting");
        }
        List<String> server = new ArrayList<>(java);
        server.addAll(List.of("kafka.Kafka", config.toString()));
        return ChildProcess.start("kafka", server, Map.of(), settings.home(), settings.logs());
    }

    /** Generous: after a crash the broker first recovers its logs, which takes minutes on a loaded machine. */
    @Override
    void awaitReady(ChildProcess kafka) {
        kafka.awaitCondition(() -> ChildProcess.listening(settings.kafkaPort()), Duration.ofSeconds(180),
                "listen on port " + settings.kafkaPort());
        kafka.awaitCondition(this::answers, Duration.ofSeconds(180), "answer as a cluster");
    }

    @Override
    String readiness() {
        return "ready on " + settings.kafkaBootstrap() + " (data in " + data() + ")";
    }

    private boolean answers() {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                "bootstrap.servers", settings.kafkaBootstrap(), "request.timeout.ms", 2000, "default.api.timeout.ms", 3000))) {
            return !admin.describeCluster().nodes().get(3, java.util.concurrent.TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
