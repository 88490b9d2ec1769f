package org.arcc.e2e.faults;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.function.ToIntFunction;

/**
 * The shape of every crash in the fault suite: the load runs; once intakes flow, a component goes down; the load
 * keeps going until the outage has visibly hit it; the component comes back; the load runs on until intakes flow
 * again; then the load stops, everything is counted ({@link FaultReckoning}) and must be exact.
 */
final class CrashUnderLoad {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final String fault;
    private final Runnable down;
    private final Runnable up;
    private final ToIntFunction<LoadLedger> hit;
    private final String hitMeans;

    /**
     * @param hit      a count in the ledger that grows while the component is down (e.g. intakes acknowledged while
     *                 the broker is away, attempts without answer while the service is away)
     * @param hitMeans what that count means, for the failure message
     */
    CrashUnderLoad(String fault, Runnable down, Runnable up, ToIntFunction<LoadLedger> hit, String hitMeans) {
        this.fault = fault;
        this.down = down;
        this.up = up;
        this.hit = hit;
        this.hitMeans = hitMeans;
    }

    void run() throws InterruptedException {
        PlatformRecords records = new PlatformRecords();
        Timestamp since = records.now("cases");
        FaultLoad load = FaultLoad.start();
        try {
            await("intakes flow before the fault").atMost(PATIENCE).until(() -> load.intakesDone() >= 3);
            int before = hit.applyAsInt(load.ledger());
            System.out.println("[reliability] " + fault + ": down at " + java.time.Instant.now());
            load.componentDown();
            down.run();
            try {
                await(fault + ": the load feels it (" + hitMeans + ")").atMost(PATIENCE)
                        .until(() -> hit.applyAsInt(load.ledger()) >= before + 3);
            } finally {
                System.out.println("[reliability] " + fault + ": starting again at " + java.time.Instant.now());
                try {
                    up.run();
                } finally {
                    load.componentBack();
                }
                System.out.println("[reliability] " + fault + ": back at " + java.time.Instant.now());
            }
            int doneWhenBack = load.intakesDone();
            await("intakes flow again after " + fault).atMost(PATIENCE).until(() -> load.intakesDone() >= doneWhenBack + 3);
        } finally {
            load.stop();
        }
        new FaultReckoning(fault, load, since, records).reckon();
    }
}
