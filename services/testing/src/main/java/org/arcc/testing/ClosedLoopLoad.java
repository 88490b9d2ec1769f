package org.arcc.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * For benchmarks: a number of client threads, each doing one operation after another for a while; every
 * operation's latency is kept. The operation throws when its answer is wrong, which stops the run.
 */
public final class ClosedLoopLoad {

    /** One operation of the load, e.g. an HTTP request checked for its status. */
    @FunctionalInterface
    public interface Operation {
        void run() throws Exception;
    }

    /** What a run measured: every latency (sorted, in nanoseconds) and how long it took. */
    public record Result(long[] latencies, double seconds) {

        public long operations() {
            return latencies.length;
        }

        public double throughput() {
            return latencies.length / seconds;
        }

        /** The p-th percentile latency, in milliseconds. */
        public double percentileMillis(int p) {
            return percentileMillis(latencies, p);
        }

        /** The p-th percentile of sorted nanosecond latencies, in milliseconds. */
        public static double percentileMillis(long[] sortedNanos, int p) {
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }
    }

    private ClosedLoopLoad() {
    }

    public static Result run(int threads, Duration duration, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Future<long[]>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 12];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        operation.run();
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t0;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> worker : workers) {
                long[] part = worker.get();
                long[] merged = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, merged, all.length, part.length);
                all = merged;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(all);
            return new Result(all, seconds);
        } finally {
            pool.shutdownNow();
        }
    }
}
