package org.arcc.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A client as the SDK's retry rule says clients must behave: every POST carries an {@code Idempotency-Key}, and a
 * request whose answer was lost (no answer, a 5xx, {@code 429}, {@code 409} while the first attempt still runs) is
 * sent again with the same key until it is answered, so the platform can never create a second record for it.
 * Every attempt is written to the {@link LoadLedger}.
 */
final class RetryingClient {

    /** Answers after which the same request is simply sent again (the platform stored nothing for them). */
    private static final Set<Integer> TRY_AGAIN = Set.of(401, 408, 409, 429, 500, 502, 503, 504);
    private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(300);

    private final String gateway;
    private final LoadLedger ledger;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    RetryingClient(String gateway, LoadLedger ledger) {
        this.gateway = gateway;
        this.ledger = ledger;
    }

    /**
     * POSTs until a 2xx (returned), or another answer that is final (returned too), or until the time
     * {@code giveUpAt} names has passed (asked before each retry, so it may move while the request waits); with
     * {@code untilDelivered}, 404 and 422 count as "not yet": the record it names has not reached this service by
     * event yet. Null when it gave up.
     */
    HttpResponse<String> post(String path, Supplier<String> token, String json, Supplier<Instant> giveUpAt,
            boolean untilDelivered) {
        String key = UUID.randomUUID().toString();
        ledger.request();
        for (int number = 1;; number++) {
            if (number > 1) {
                if (Instant.now().isAfter(giveUpAt.get())) {
                    ledger.gaveUp();
                    return null;
                }
                pause(BETWEEN_ATTEMPTS);
            }
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + token.get())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                ledger.attempt(key, number, "no answer");
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            int status = response.statusCode();
            ledger.attempt(key, number, Integer.toString(status));
            if (TRY_AGAIN.contains(status) || untilDelivered && (status == 404 || status == 422)) {
                continue;
            }
            if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                ledger.replayed();
            }
            return response;
        }
    }

    /** Sleeps; an interrupt ends the caller's loop (as an {@code IllegalStateException}, the interrupt flag kept). */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A GET's status, or -1 when there was no answer. */
    int status(String path, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
