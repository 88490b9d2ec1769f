package org.arcc.e2e.faults;

import org.arcc.local.PlatformUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cases service crashes ({@code kill -9}) mid-load, with requests in flight, and is started again: requests
 * whose answer was lost are retried with the same {@code Idempotency-Key} and never make a second case, and no
 * committed event is lost with the process.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(101)
class ServiceCrashIT {

    @Test
    void noIntakeIsLostOrDoubledWhenTheCasesServiceCrashes() throws InterruptedException {
        new CrashUnderLoad("cases service killed (kill -9) mid-load and restarted", () -> ComponentCommands.kill("cases"),
                () -> ComponentCommands.start("cases"), ledger -> ledger.lost() + ledger.serverErrors(),
                "attempts without answer or answered 5xx").run();
    }
}
