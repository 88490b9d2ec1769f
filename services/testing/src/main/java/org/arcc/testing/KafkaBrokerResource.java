package org.arcc.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one {@link InProcessKafkaBroker} for a Quarkus test run and points {@code kafka.bootstrap.servers}
 * at it. Tests that need to take the broker away reach it through {@link #broker()}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile InProcessKafkaBroker broker;

    /** The broker of the running test, for tests that stop and restart it. */
    public static InProcessKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("No in-process Kafka broker: annotate the test with "
                    + "@WithTestResource(KafkaBrokerResource.class)");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = new InProcessKafkaBroker().start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
