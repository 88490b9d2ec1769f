package org.arcc.e2e.faults;

import org.arcc.local.PlatformUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker crashes ({@code kill -9}) while cells open cases and register kits, and comes back: the cases service
 * keeps accepting intakes (their events wait in its outbox), kit registrations wait for their case to reach the
 * evidence service, and afterwards every event has been delivered and applied exactly once, and no request was
 * given up.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(100)
class KafkaCrashIT {

    @Test
    void intakesAndKitsSurviveTheBrokerCrashing() throws InterruptedException {
        new CrashUnderLoad("Kafka killed (kill -9) and restarted", () -> ComponentCommands.kill("kafka"),
                () -> ComponentCommands.start("kafka"), ledger -> ledger.ids("case").size(),
                "cases acknowledged while the broker is down").run();
    }
}
