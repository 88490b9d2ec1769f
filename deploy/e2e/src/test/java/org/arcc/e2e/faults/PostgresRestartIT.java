package org.arcc.e2e.faults;

import org.arcc.local.PlatformUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL (every service's database) stops mid-load and starts again: services refuse what they cannot store
 * with a problem (never a 500), recover their connections, and nothing acknowledged is lost or doubled.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(102)
class PostgresRestartIT {

    @Test
    void nothingAcknowledgedIsLostOrDoubledWhenPostgresRestarts() throws InterruptedException {
        new CrashUnderLoad("PostgreSQL (all databases) stopped and started mid-load", () -> ComponentCommands.stop("postgres"),
                () -> ComponentCommands.start("postgres"), ledger -> ledger.lost() + ledger.serverErrors(),
                "attempts without answer or answered 5xx").run();
    }
}
