package org.arcc.bench.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Issue 17's aims, judged from the raw outputs {@code deploy/bench/platform-bench} leaves in one directory:
 * {@code pgbench-<shape>.txt}, {@code wrk-<request>-<route>-c<connections>.txt}, {@code rss-ready.txt} and
 * {@code rss-after.txt} (lines {@code <component> <resident kB>}), {@code cpu-<run>.txt} (lines {@code <component>
 * <CPU seconds used during that run>}), {@code load.txt} and {@code run.txt} (copied as they are). Every ratio is
 * of two numbers from the same run.
 */
public final class PlatformReport {

    /** Resident memory each service should stay under, ready and after the load. */
    static final long RSS_LIMIT_KB = 256 * 1024;
    static final double RATIO_AIM = 0.5;
    static final double READ_P50_AIM_MS = 1.0;
    static final double GATEWAY_P50_AIM_MS = 1.0;
    static final double GATEWAY_P99_AIM_MS = 3.0;
    /** The CPU table's columns, in this order; a component the run did not report is left blank. */
    static final List<String> CPU_COMPONENTS = List.of("cases", "evidence", "legal-aid", "reporting", "gateway",
            "postgres", "kafka", "keycloak");

    public enum Verdict {
        MET("met"), NOT_MET("**not met**"), INVALID("**invalid run**"), NOT_MEASURED("not measured");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** One line of the report: an aim, what was measured against it, and whether it holds. */
    public record Aim(String aim, String measured, String value, Verdict verdict) {
    }

    private final Path dir;

    PlatformReport(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: PlatformReport <results directory> <report.md>");
            System.exit(2);
        }
        PlatformReport report = new PlatformReport(Path.of(args[0]));
        String markdown = report.markdown();
        try {
            Files.writeString(Path.of(args[1]), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print(markdown);
    }

    List<Aim> aims() {
        List<Aim> aims = new ArrayList<>();
        aims.add(ratio("Case intake ≥ 0.5 of pgbench's four inserts, 8 clients",
                "POST /api/v1/cases direct, 8 connections", wrk("intake-direct-c8"), pgbench("intake-c8")));
        aims.add(below("Audited case read p50 < 1 ms, direct, 1 connection", "GET /api/v1/cases/{id} direct, 1 connection",
                wrk("read-direct-c1"), READ_P50_AIM_MS));
        aims.add(ratio("Audited case read ≥ 0.5 of pgbench's one select + one insert, 8 clients",
                "GET /api/v1/cases/{id} direct, 8 connections", wrk("read-direct-c8"), pgbench("read-c8")));
        for (int connections : List.of(1, 8)) {
            aims.add(gateway(connections, "p50", GATEWAY_P50_AIM_MS));
            aims.add(gateway(connections, "p99", GATEWAY_P99_AIM_MS));
        }
        aims.add(ratio("Custody append ≥ 0.5 of pgbench's transaction of its shape, 8 clients",
                "POST /api/v1/evidence/items/{id}/custody direct, 8 connections", wrk("custody-direct-c8"),
                pgbench("custody-c8")));
        for (String when : List.of("ready", "after")) {
            aims.add(memory(when));
        }
        return aims;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Platform ratios (issue 17)\n\n");
        text("run.txt").ifPresent(run -> md.append("```\n").append(run.strip()).append("\n```\n\n"));
        md.append("| Aim | Measured | Value | Verdict |\n| --- | --- | --- | --- |\n");
        for (Aim aim : aims()) {
            md.append("| ").append(aim.aim()).append(" | ").append(aim.measured()).append(" | ").append(aim.value())
                    .append(" | ").append(aim.verdict().text).append(" |\n");
        }
        md.append("\n## Every run\n\n| Run | Rate (/s) | p50 | p99 | Requests | Not 2xx/3xx | Socket errors |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (String name : files("wrk-")) {
            WrkRun run = WrkRun.parse(text(name).orElseThrow());
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f ms | %.2f ms | %d | %d | %d |%n", stem(name),
                    run.requestsPerSecond(), run.p50Millis(), run.p99Millis(), run.requests(), run.non2xx(),
                    run.socketErrors()));
        }
        for (String name : files("pgbench-")) {
            PgbenchRun run = PgbenchRun.parse(text(name).orElseThrow());
            md.append(String.format(Locale.ROOT, "| %s | %.0f | (mean %.2f ms) | | %d | %d failed | |%n", stem(name),
                    run.transactionsPerSecond(), run.latencyAverageMillis(), run.transactions(), run.failed()));
        }
        appendCpu(md);
        md.append("\n## Resident memory (MB)\n\n| Component | Ready | After the load |\n| --- | --- | --- |\n");
        Map<String, Long> ready = rss("ready");
        Map<String, Long> after = rss("after");
        for (String component : union(ready, after)) {
            md.append("| ").append(component).append(" | ").append(mb(ready.get(component))).append(" | ")
                    .append(mb(after.get(component))).append(" |\n");
        }
        text("load.txt").ifPresent(load -> md.append("\n## Load average\n\n```\n").append(load.strip()).append("\n```\n"));
        return md.toString();
    }

    /**
     * Where each run's requests cost CPU: milliseconds of CPU per request (per transaction for pgbench) by component,
     * from the CPU seconds each used during the run. Other work in the same interval (the services' relays and
     * consumers handling what the requests published) counts too: it is what a request costs the platform.
     */
    private void appendCpu(StringBuilder md) {
        List<String> runs = files("cpu-");
        if (runs.isEmpty()) {
            return;
        }
        md.append("\n## CPU per request (ms)\n\nCPU time (user + system, from /proc) each component used during the run,"
                + " divided by the requests (pgbench: transactions) the run completed.\n\n| Run | Requests |");
        CPU_COMPONENTS.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append(" total |\n| --- | --- |");
        CPU_COMPONENTS.forEach(c -> md.append(" --- |"));
        md.append(" --- |\n");
        for (String name : runs) {
            String run = stem(name).substring("cpu-".length());
            OptionalLong requests = requests(run);
            if (requests.isEmpty() || requests.getAsLong() == 0) {
                continue;
            }
            Map<String, Double> used = cpuSeconds(run);
            md.append("| ").append(run).append(" | ").append(requests.getAsLong()).append(" |");
            double total = 0;
            for (String component : CPU_COMPONENTS) {
                Double seconds = used.get(component);
                md.append(seconds == null ? " |" : " " + perRequest(seconds, requests.getAsLong()) + " |");
                total += seconds == null ? 0 : seconds;
            }
            md.append(' ').append(perRequest(total, requests.getAsLong())).append(" |\n");
        }
    }

    /** Requests (or transactions) a run completed, from its wrk or pgbench output. */
    OptionalLong requests(String run) {
        if (run.startsWith("wrk-")) {
            return wrk(run.substring("wrk-".length())).map(r -> OptionalLong.of(r.requests())).orElse(OptionalLong.empty());
        }
        if (run.startsWith("pgbench-")) {
            return pgbench(run.substring("pgbench-".length())).map(r -> OptionalLong.of(r.transactions()))
                    .orElse(OptionalLong.empty());
        }
        return OptionalLong.empty();
    }

    /** CPU seconds by component used during a run, from {@code cpu-<run>.txt}. */
    Map<String, Double> cpuSeconds(String run) {
        Map<String, Double> used = new LinkedHashMap<>();
        components("cpu-" + run + ".txt", "-?\\d+(\\.\\d+)?")
                .forEach((component, seconds) -> used.put(component, Double.parseDouble(seconds)));
        return used;
    }

    private static String perRequest(double seconds, long requests) {
        return String.format(Locale.ROOT, "%.3f", seconds * 1000 / requests);
    }

    private Aim ratio(String aim, String measured, Optional<WrkRun> service, Optional<PgbenchRun> database) {
        if (service.isEmpty() || database.isEmpty()) {
            return new Aim(aim, measured, "–", Verdict.NOT_MEASURED);
        }
        double ratio = service.get().requestsPerSecond() / database.get().transactionsPerSecond();
        String value = String.format(Locale.ROOT, "%.0f/s vs %.0f tx/s = %.2f (p50 %.2f ms, p99 %.2f ms)",
                service.get().requestsPerSecond(), database.get().transactionsPerSecond(), ratio,
                service.get().p50Millis(), service.get().p99Millis());
        return new Aim(aim, measured, value, judge(service.get().clean() && database.get().failed() == 0,
                ratio >= RATIO_AIM));
    }

    private Aim below(String aim, String measured, Optional<WrkRun> run, double limitMillis) {
        if (run.isEmpty()) {
            return new Aim(aim, measured, "–", Verdict.NOT_MEASURED);
        }
        String value = String.format(Locale.ROOT, "p50 %.2f ms (p99 %.2f ms, %.0f/s)", run.get().p50Millis(),
                run.get().p99Millis(), run.get().requestsPerSecond());
        return new Aim(aim, measured, value, judge(run.get().clean(), run.get().p50Millis() < limitMillis));
    }

    private Aim gateway(int connections, String percentile, double limitMillis) {
        String aim = String.format(Locale.ROOT, "Gateway adds < %.0f ms at %s, %d connection%s", limitMillis, percentile,
                connections, connections == 1 ? "" : "s");
        String measured = "GET /api/v1/cases/{id}, through the gateway minus direct";
        Optional<WrkRun> direct = wrk("read-direct-c" + connections);
        Optional<WrkRun> through = wrk("read-gateway-c" + connections);
        if (direct.isEmpty() || through.isEmpty()) {
            return new Aim(aim, measured, "–", Verdict.NOT_MEASURED);
        }
        boolean p50 = "p50".equals(percentile);
        double directMs = p50 ? direct.get().p50Millis() : direct.get().p99Millis();
        double throughMs = p50 ? through.get().p50Millis() : through.get().p99Millis();
        String value = String.format(Locale.ROOT, "%.2f − %.2f = %.2f ms", throughMs, directMs, throughMs - directMs);
        return new Aim(aim, measured, value, judge(direct.get().clean() && through.get().clean(),
                throughMs - directMs < limitMillis));
    }

    private Aim memory(String when) {
        String aim = "Every service < 256 MB resident, " + ("ready".equals(when) ? "once ready" : "after the load");
        Map<String, Long> rss = rss(when);
        if (rss.isEmpty()) {
            return new Aim(aim, "ps -o rss", "–", Verdict.NOT_MEASURED);
        }
        Map.Entry<String, Long> largest = rss.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new Aim(aim, "ps -o rss of " + String.join(", ", rss.keySet()),
                "largest: " + largest.getKey() + " " + mb(largest.getValue()) + " MB",
                largest.getValue() < RSS_LIMIT_KB ? Verdict.MET : Verdict.NOT_MET);
    }

    private static Verdict judge(boolean clean, boolean holds) {
        if (!clean) {
            return Verdict.INVALID;
        }
        return holds ? Verdict.MET : Verdict.NOT_MET;
    }

    Optional<WrkRun> wrk(String run) {
        return text("wrk-" + run + ".txt").map(WrkRun::parse);
    }

    Optional<PgbenchRun> pgbench(String shape) {
        return text("pgbench-" + shape + ".txt").map(PgbenchRun::parse);
    }

    /** Resident kB by component, from {@code rss-<when>.txt}; components not running are left out. */
    Map<String, Long> rss(String when) {
        Map<String, Long> rss = new LinkedHashMap<>();
        components("rss-" + when + ".txt", "\\d+").forEach((component, kb) -> rss.put(component, Long.parseLong(kb)));
        return rss;
    }

    /** The {@code <component> <number>} lines of a file whose number matches {@code number}, in file order. */
    private Map<String, String> components(String name, String number) {
        Map<String, String> values = new LinkedHashMap<>();
        text(name).ifPresent(lines -> lines.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] parts = line.split("\\s+");
            if (parts.length == 2 && parts[1].matches(number)) {
                values.put(parts[0], parts[1]);
            }
        }));
        return values;
    }

    private Optional<String> text(String name) {
        Path file = dir.resolve(name);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> files(String prefix) {
        try (var names = Files.list(dir)) {
            return names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(".txt"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(String name) {
        return name.substring(0, name.length() - ".txt".length());
    }

    private static List<String> union(Map<String, Long> a, Map<String, Long> b) {
        List<String> names = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !names.contains(k)).forEach(names::add);
        return names;
    }

    private static String mb(Long kb) {
        return kb == null ? "–" : String.format(Locale.ROOT, "%.0f", kb / 1024.0);
    }
}
