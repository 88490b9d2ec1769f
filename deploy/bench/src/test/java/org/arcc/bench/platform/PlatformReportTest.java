package org.arcc.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.arcc.bench.platform.PlatformReport.Aim;
import org.arcc.bench.platform.PlatformReport.Verdict;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** platform-bench's report reads wrk's and pgbench's own output and judges each aim of issue 17 from it. */
@UnitTest
class PlatformReportTest {

    @TempDir
    Path dir;

    static String wrk(String rate, String p50, String p99, String extra) {
        return """
                Running 20s test @ http://localhost:48081/api/v1/cases
                  2 threads and 8 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency    31.02ms   12.11ms 210.33ms   80.12%%
                    Req/Sec   130.11     20.01   180.00     70.00%%
                  Latency Distribution
                     50%%   %s
                     75%%   35.10ms
                     90%%   44.02ms
                     99%%   %s
                  5203 requests in 20.02s, 3.01MB read
                %sRequests/sec:    %s
                Transfer/sec:    153.90KB
                """.formatted(p50, p99, extra, rate);
    }

    static String pgbench(String tps) {
        return """
                pgbench (15.18 (Debian 15.18-0+deb12u1), server 17.5)
                transaction type: deploy/bench/platform/intake.sql
                scaling factor: 1
                query mode: prepared
                number of clients: 8
                number of threads: 2
                maximum number of tries: 1
                duration: 20 s
                number of transactions actually processed: 71234
                number of failed transactions: 0 (0.000%%)
                latency average = 2.246 ms
                initial connection time = 12.345 ms
                tps = %s (without initial connection time)
                """.formatted(tps);
    }

    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    Aim aim(String startsWith) {
        return new PlatformReport(dir).aims().stream().filter(a -> a.aim().startsWith(startsWith)).findFirst()
                .orElseThrow();
    }

    @Test
    void wrkLatenciesAreReadInMillisecondsWhateverUnitWrkChose() {
        WrkRun run = WrkRun.parse(wrk("259.88", "812.00us", "1.21s", ""));
        assertThat(run.requestsPerSecond()).isEqualTo(259.88);
        assertThat(run.p50Millis()).isEqualTo(0.812);
        assertThat(run.p99Millis()).isEqualTo(1210.0);
        assertThat(run.requests()).isEqualTo(5203);
        assertThat(run.clean()).isTrue();
    }

    @Test
    void wrkAnswersThatAreNotSuccessOrNeverCameMakeTheRunUnclean() {
        WrkRun run = WrkRun.parse(wrk("259.88", "30.00ms", "90.00ms",
                "  Socket errors: connect 0, read 2, write 0, timeout 3\n  Non-2xx or 3xx responses: 17\n"));
        assertThat(run.non2xx()).isEqualTo(17);
        assertThat(run.socketErrors()).isEqualTo(5);
        assertThat(run.clean()).isFalse();
    }

    @Test
    void anUnfinishedRunIsRefusedRatherThanReadAsZero() {
        assertThatThrownBy(() -> WrkRun.parse("unable to connect to localhost:48081 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WrkRun.parse(wrk("10", "1ms", "2ms", "").replace("Latency Distribution", "")
                .replaceAll("(?m)^\\s+\\d+%.*$", ""))).hasMessageContaining("--latency");
        assertThatThrownBy(() -> PgbenchRun.parse("pgbench: error: connection to server failed"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pgbenchRateIsTheOneWithoutConnectionTime() {
        PgbenchRun run = PgbenchRun.parse(pgbench("3581.234567"));
        assertThat(run.transactionsPerSecond()).isEqualTo(3581.234567);
        assertThat(run.latencyAverageMillis()).isEqualTo(2.246);
        assertThat(run.transactions()).isEqualTo(71234);
        assertThat(run.failed()).isZero();
    }

    @Test
    void intakeIsJudgedByItsRateOverPgbenchsRateOfTheSameShape() throws IOException {
        write("pgbench-intake-c8.txt", pgbench("3600.0"));
        write("wrk-intake-direct-c8.txt", wrk("1799.0", "4.00ms", "9.00ms", ""));
        assertThat(aim("Case intake").verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(aim("Case intake").value()).contains("= 0.50");

        write("wrk-intake-direct-c8.txt", wrk("1800.0", "4.00ms", "9.00ms", ""));
        assertThat(aim("Case intake").verdict()).isEqualTo(Verdict.MET);

        write("wrk-intake-direct-c8.txt", wrk("1900.0", "4.00ms", "9.00ms", "  Non-2xx or 3xx responses: 1\n"));
        assertThat(aim("Case intake").verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void theGatewaysShareIsThroughTheGatewayMinusDirectAtTheSameConnections() throws IOException {
        write("wrk-read-direct-c1.txt", wrk("400", "2.40ms", "5.00ms", ""));
        write("wrk-read-gateway-c1.txt", wrk("300", "3.30ms", "8.10ms", ""));
        assertThat(aim("Gateway adds < 1 ms at p50, 1 connection").verdict()).isEqualTo(Verdict.MET);
        assertThat(aim("Gateway adds < 1 ms at p50, 1 connection").value()).isEqualTo("3.30 − 2.40 = 0.90 ms");
        assertThat(aim("Gateway adds < 3 ms at p99, 1 connection").verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(aim("Gateway adds < 1 ms at p50, 8 connections").verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(aim("Audited case read p50").verdict()).isEqualTo(Verdict.NOT_MET);

        write("wrk-read-direct-c1.txt", wrk("1400", "0.95ms", "5.00ms", ""));
        assertThat(aim("Audited case read p50").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void memoryHoldsOnlyWhenTheLargestServiceStaysUnder256MegabytesResident() throws IOException {
        write("rss-ready.txt", "cases 180000\nevidence 200000\ngateway 150000\n");
        write("rss-after.txt", "cases 262144\nevidence 210000\ngateway 160000\n");
        assertThat(aim("Every service < 256 MB resident, once ready").verdict()).isEqualTo(Verdict.MET);
        Aim after = aim("Every service < 256 MB resident, after the load");
        assertThat(after.verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(after.value()).isEqualTo("largest: cases 256 MB");
        assertThat(new PlatformReport(dir).rss("after")).containsExactly(Map.entry("cases", 262144L),
                Map.entry("evidence", 210000L), Map.entry("gateway", 160000L));
    }

    @Test
    void theReportListsEveryAimAndEveryRun() throws IOException {
        write("run.txt", "deploy/bench/platform-bench --seconds 20\ncommit abc123");
        write("pgbench-read-c8.txt", pgbench("5000.0"));
        write("wrk-read-direct-c8.txt", wrk("700", "10.00ms", "30.00ms", ""));
        String md = new PlatformReport(dir).markdown();
        assertThat(md).contains("commit abc123")
                .contains("| Audited case read ≥ 0.5 of pgbench's one select + one insert, 8 clients | "
                        + "GET /api/v1/cases/{id} direct, 8 connections | 700/s vs 5000 tx/s = 0.14 (p50 10.00 ms, p99 30.00 ms) | **not met** |")
                .contains("| wrk-read-direct-c8 | 700 | 10.00 ms | 30.00 ms | 5203 | 0 | 0 |")
                .contains("| pgbench-read-c8 | 5000 |");
        List<Aim> aims = new PlatformReport(dir).aims();
        assertThat(aims).hasSize(10).extracting(Aim::verdict).contains(Verdict.NOT_MEASURED, Verdict.NOT_MET);
    }

    @Test
    void cpuPerRequestIsEachComponentsCpuDuringTheRunOverTheRequestsItCompleted() throws IOException {
        write("wrk-read-direct-c8.txt", wrk("700", "10.00ms", "30.00ms", ""));
        write("cpu-wrk-read-direct-c8.txt", "cases 10.406\npostgres 5.203\nkafka 0.52\n");
        write("pgbench-read-c8.txt", pgbench("5000.0"));
        write("cpu-pgbench-read-c8.txt", "postgres 14.2468\n");
        write("cpu-wrk-never-ran.txt", "cases 1.0\n");
        String md = new PlatformReport(dir).markdown();
        // 5203 requests: 10.406 s / 5203 = 2 ms of the cases JVM each, 1 ms of PostgreSQL, 0.1 ms of Kafka.
        assertThat(md).contains("| Run | Requests | cases | evidence | legal-aid | reporting | gateway | postgres | kafka"
                + " | keycloak | total |")
                .contains("| wrk-read-direct-c8 | 5203 | 2.000 | | | | | 1.000 | 0.100 | | 3.100 |")
                .contains("| pgbench-read-c8 | 71234 | | | | | | 0.200 | | | 0.200 |")
                .doesNotContain("never-ran");
    }
}
