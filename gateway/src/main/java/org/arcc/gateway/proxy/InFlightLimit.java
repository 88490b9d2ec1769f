package org.arcc.gateway.proxy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@code limit} requests in flight per client: a client whose earlier requests have not been answered yet is
 * refused at once instead of queueing more work behind a slow service. A request that enters holds a {@link Permit}
 * until it is answered (or fails, times out, or its client goes away) and gives it back exactly once; a client with
 * nothing in flight is forgotten.
 */
public final class InFlightLimit {

    /** The outcome of one request: its permit when admitted, otherwise none; and the limit it was held to. */
    public record Admission(Permit permit, int limit) {

        public boolean admitted() {
            return permit != null;
        }
    }

    /** A place taken by one request. {@link #release()} gives it back; any further call does nothing. */
    public final class Permit {

        private final String client;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String client) {
            this.client = client;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                leave(client);
            }
        }
    }

    private final int limit;
    private final Map<String, Integer> inFlight = new HashMap<>();

    public InFlightLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the in-flight limit must be at least 1: " + limit);
        }
        this.limit = limit;
    }

    /** Admits the client's request if fewer than the limit of its requests are in flight. */
    public synchronized Admission tryEnter(String client) {
        int current = inFlight.getOrDefault(client, 0);
        if (current >= limit) {
            return new Admission(null, limit);
        }
        inFlight.put(client, current + 1);
        return new Admission(new Permit(client), limit);
    }

    /** The client's requests in flight now. */
    public synchronized int inFlight(String client) {
        return inFlight.getOrDefault(client, 0);
    }

    /** Clients with at least one request in flight. */
    public synchronized int clients() {
        return inFlight.size();
    }

    private synchronized void leave(String client) {
        inFlight.computeIfPresent(client, (k, n) -> n > 1 ? n - 1 : null);
    }
}
