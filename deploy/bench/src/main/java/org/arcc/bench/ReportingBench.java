package org.arcc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs reporting's two benchmarks against a started platform (deploy/bench/reporting-bench, docs/benchmarks.md):
 *
 * <pre>
 * reporting-bench [replay] [commit-to-figure] [--events 200000] [--catch-up true] [--rebuild-seconds 0]
 *                 [--samples 200] [--warmup 10] [--cell KHI] [--months 12] [--poll-ms 10]
 *                 [--report target/reporting-bench.md]
 * </pre>
 *
 * Writes a Markdown report with the load average before and after; ports from the environment
 * ({@link BenchTarget}).
 */
public final class ReportingBench {

    private ReportingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--events", "200000", "--samples", "200", "--warmup", "10",
                "--cell", "KHI", "--months", "12", "--poll-ms", "10", "--report", "deploy/bench/target/reporting-bench.md",
                "--catch-up", "true", "--rebuild-seconds", "0"));
        boolean replay = false;
        boolean commitToFigure = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "replay" -> replay = true;
                case "commit-to-figure" -> commitToFigure = true;
                default -> {
                    if (!options.containsKey(args[i]) || i + 1 >= args.length) {
                        System.err.println("Unknown argument " + args[i] + "; see docs/benchmarks.md");
                        System.exit(2);
                    }
                    options.put(args[i], args[++i]);
                }
            }
        }
        if (!replay && !commitToFigure) {
            replay = true;
            commitToFigure = true;
        }
        BenchTarget target = BenchTarget.fromEnvironment(System.getenv());
        PlatformHttp api = new PlatformHttp(target);
        StringBuilder report = new StringBuilder("# Reporting benchmarks\n\n")
                .append("Run ").append(Instant.now()).append(" against the gateway at ").append(target.gatewayUrl())
                .append(", Kafka at ").append(target.kafkaBootstrap()).append("; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" processors; load average before: ")
                .append(loadAverage()).append("\n\n");
        if (replay) {
            System.out.println("Replay benchmark");
            new ReplayBench(target, api, report).run(Long.parseLong(options.get("--events")),
                    Boolean.parseBoolean(options.get("--catch-up")), Long.parseLong(options.get("--rebuild-seconds")));
        }
        if (commitToFigure) {
            System.out.println("Commit-to-figure benchmark");
            new CommitToFigureBench(target, api, report).run(Integer.parseInt(options.get("--samples")),
                    Integer.parseInt(options.get("--warmup")), options.get("--cell").toUpperCase(Locale.ROOT),
                    Integer.parseInt(options.get("--months")), Long.parseLong(options.get("--poll-ms")));
        }
        report.append("Load average after: ").append(loadAverage()).append('\n');
        Path file = Path.of(options.get("--report"));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, report);
        System.out.println();
        System.out.println(report);
        System.out.println("Report: " + file.toAbsolutePath());
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
