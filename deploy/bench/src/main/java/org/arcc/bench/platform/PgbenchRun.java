package org.arcc.bench.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one pgbench run with a custom script printed: transactions per second, mean latency, failures. */
public record PgbenchRun(double transactionsPerSecond, double latencyAverageMillis, long transactions, long failed) {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    /** Parses pgbench's report; fails when it lacks the rate (the run broke off). */
    public static PgbenchRun parse(String output) {
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        Matcher processed = PROCESSED.matcher(output);
        if (!tps.find() || !latency.find() || !processed.find()) {
            throw new IllegalArgumentException("Not the report of a finished pgbench run");
        }
        Matcher failed = FAILED.matcher(output);
        return new PgbenchRun(Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)),
                Long.parseLong(processed.group(1)), failed.find() ? Long.parseLong(failed.group(1)) : 0);
    }
}
