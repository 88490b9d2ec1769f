package org.arcc.bench.platform;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run printed: requests per second, the median and 99th percentile latency, and the
 * answers that were not 2xx/3xx or never came (a run with any of those measured something else than it claims).
 */
public record WrkRun(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long non2xx,
        long socketErrors) {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** Parses wrk's standard output; fails when it lacks the rate or the latency distribution. */
    public static WrkRun parse(String output) {
        Matcher rate = RATE.matcher(output);
        Matcher requests = REQUESTS.matcher(output);
        if (!rate.find() || !requests.find()) {
            throw new IllegalArgumentException("Not the output of a finished wrk run: " + firstLine(output));
        }
        long errors = 0;
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        return new WrkRun(Double.parseDouble(rate.group(1)), percentile(output, "50"), percentile(output, "99"),
                Long.parseLong(requests.group(1)), non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, errors);
    }

    /** Every request answered 2xx or 3xx and none was lost. */
    public boolean clean() {
        return non2xx == 0 && socketErrors == 0 && requests > 0;
    }

    private static double percentile(String output, String percent) {
        Matcher m = Pattern.compile("(?m)^\\s*" + percent + "(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$").matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("wrk output has no " + percent + "% latency (run it with --latency)");
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static String firstLine(String output) {
        String trimmed = output.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }
}
