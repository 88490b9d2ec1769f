package org.arcc.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * After the load: every record the platform acknowledged is read back, one by one, by someone entitled to read it
 * (a case by its cell's staff, an evidence item by the cell's medical officer). A record that does not answer 200 is a
 * failed request in Gatling's statistics, so the run's assertion on failed requests catches a lost record; the counts go
 * to the run's report.
 */
final class Reckoning {

    private Reckoning() {
    }

    static ScenarioBuilder readBackEverything(ArccRequests requests, RunLedger ledger) {
        return scenario("reckoning: every acknowledged record read back")
                .exec(session -> session.set("acknowledged", ledger.acknowledged()))
                .foreach("#{acknowledged}", "record").on(
                        exec(session -> {
                            RunLedger.Acknowledged record = session.get("record");
                            return session.set("path", path(record)).set("reader", record.reader());
                        }).exec(requests.get("reckoning: read back", "#{path}", ArccRequests.as("reader"))
                                .check(status().is(200), status().saveAs("readStatus")))
                                .exec(session -> {
                                    ledger.readBack(session.get("record"),
                                            session.contains("readStatus") ? session.getInt("readStatus") : 0);
                                    return session.remove("readStatus");
                                }));
    }

    private static String path(RunLedger.Acknowledged record) {
        return switch (record.kind()) {
            case "case" -> "/api/v1/cases/" + record.id();
            case "item" -> "/api/v1/evidence/items/" + record.id();
            default -> throw new IllegalArgumentException("no read-back path for " + record.kind());
        };
    }

    /** The lines every run report starts its reckoning with. */
    static List<String> lines(RunLedger ledger, List<String> kinds) {
        List<String> lines = new ArrayList<>();
        for (String kind : kinds) {
            lines.add("- " + kind + "s acknowledged (201): " + ledger.acknowledged(kind));
        }
        lines.add("- read back afterwards (200): " + ledger.readBack() + " of " + ledger.acknowledged().size());
        ledger.notReadBack().forEach(missing -> lines.add("  - NOT READ BACK: " + missing));
        return lines;
    }

    /**
     * The run's verdict on what Gatling's assertions cannot see (records read back, the rate limit's windows): a line
     * {@code deploy/load/arcc-load} looks for to set its exit status. Not an exception: thrown from
     * {@code Simulation.after()} it would stop Gatling before its HTML report.
     */
    static String verdict(List<String> broken) {
        return broken.isEmpty() ? "- verdict: held" : "- verdict: BROKEN: " + String.join("; ", broken);
    }

    /** Writes the run's report to {@code load.report.dir} (default {@code target/load}) and prints it. */
    static Path write(String name, List<String> lines) {
        Path dir = Path.of(System.getProperty("load.report.dir", "target/load"));
        Path file = dir.resolve(name + ".md");
        try {
            Files.createDirectories(dir);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(String.join(System.lineSeparator(), lines));
        System.out.println("Report: " + file.toAbsolutePath());
        return file;
    }
}
