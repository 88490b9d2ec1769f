package org.arcc.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks, from the client's side, that a token-bucket limit held: in no stretch of time did the gateway let more of one
 * client's requests through than the bucket allows, {@code capacity + refill × length / period}.
 * <p>
 * The client does not see when the gateway admitted a request, only when it sent it and when the answer came: an
 * admitted request sent at or after {@code a} and answered by {@code b} was admitted within {@code [a, b]}. So for
 * every pair (the send of one admitted request, the answer of another) the admitted requests inside count against the
 * bucket of that stretch. A count above it is a breach that no clock skew explains.
 */
final class RateLimitWindows {

    /** One admitted (2xx) request as the client saw it, in nanoseconds of one monotonic clock. */
    record Admitted(long sentNanos, long answeredNanos) {
    }

    /** The worst stretch: admitted requests in it and what the bucket allowed there. */
    record Verdict(int worstCount, double allowedThere, Duration stretch, int admitted) {

        boolean held() {
            return worstCount <= Math.floor(allowedThere);
        }
    }

    private final int capacity;
    private final double refillPerNano;

    RateLimitWindows(int capacity, int refill, Duration period) {
        this.capacity = capacity;
        this.refillPerNano = (double) refill / period.toNanos();
    }

    /** The stretch where the admitted count came closest to (or went furthest over) what the bucket allows. */
    Verdict check(List<Admitted> admitted) {
        List<Admitted> bySend = new ArrayList<>(admitted);
        bySend.sort(Comparator.comparingLong(Admitted::sentNanos));
        Verdict worst = new Verdict(0, capacity, Duration.ZERO, admitted.size());
        double worstMargin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < bySend.size(); i++) {
            long from = bySend.get(i).sentNanos();
            // requests sent at or after `from`, by their answer time: the k-th earliest answer closes a stretch of k
            List<Long> answers = new ArrayList<>();
            for (int j = i; j < bySend.size(); j++) {
                answers.add(bySend.get(j).answeredNanos());
            }
            answers.sort(Long::compare);
            for (int k = 0; k < answers.size(); k++) {
                long to = answers.get(k);
                int count = k + 1;
                double allowed = capacity + Math.max(0, to - from) * refillPerNano;
                double margin = allowed - count;
                if (margin < worstMargin) {
                    worstMargin = margin;
                    worst = new Verdict(count, allowed, Duration.ofNanos(Math.max(0, to - from)), admitted.size());
                }
            }
        }
        return worst;
    }
}
