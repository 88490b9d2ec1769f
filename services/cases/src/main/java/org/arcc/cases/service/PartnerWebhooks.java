package org.arcc.cases.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.OnwardReferral;
import org.arcc.cases.domain.Referral;
import org.arcc.common.crypto.FieldCipher;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Pushes the status of referrals (in from partners, and onward to them) to partners' registered webhooks. A message is queued in the same
 * transaction as the change; a sender posts it with {@code X-Arcc-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">}, {@code X-Arcc-Timestamp} and {@code X-Arcc-Delivery}, and retries with
 * exponential backoff (up to 10 attempts). The table is the delivery log.
 */
@ApplicationScoped
public class PartnerWebhooks {

    private static final Logger LOG = Logger.getLogger(PartnerWebhooks.class);
    static final int MAX_ATTEMPTS = 10;
    /** Deliveries one sender claims per scan. */
    static final int CLAIM_BATCH = 50;
    /**
     * How long a claim keeps the other replicas off a delivery: longer than a sender needs for a whole batch (50
     * deliveries, each at most a 3 s connect and a 5 s answer), so a live sender never loses its claim mid-batch.
     */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Inject
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Transactional
    public void register(String partner, String url, String secret, String registeredBy) {
        em.createNativeQuery("DELETE FROM partner_webhook WHERE partner = ?1").setParameter(1, partner).executeUpdate();
        FieldCipher.OpenKey key = cipher.newDataKey("webhook:" + partner);
        em.createNativeQuery("""
                INSERT INTO partner_webhook (partner, url, data_key_id, secret, registered_by, registered_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, partner).setParameter(2, url).setParameter(3, key.id())
                .setParameter(4, cipher.encrypt(key, "secret", secret)).setParameter(5, registeredBy)
                .setParameter(6, java.sql.Timestamp.from(clock.instant())).executeUpdate();
    }

    /** Queues the referral's current status for its partner, in the caller's transaction (if one is registered). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Referral referral) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("referralId", referral.id.toString());
        body.put("partnerReference", referral.partnerReference);
        body.put("status", referral.status.name());
        insert(referral.partner, body, referral.id, null);
    }

    /**
     * Queues an onward referral's current status for its partner: codes, the cell's contact reference and,
     * while it is open, the minimum the partner needs; never the case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(OnwardReferral referral) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("onwardReferralId", referral.id.toString());
        body.put("contactReference", referral.contactReference);
        body.put("referringCell", referral.cellCode);
        body.put("serviceKind", referral.serviceKind.name());
        body.put("urgency", referral.urgency.name());
        body.put("status", referral.status.name());
        insert(referral.partner, body, null, referral.id);
    }

    private void insert(String partner, Map<String, Object> fields, UUID referralId, UUID onwardReferralId) {
        if (((Number) em.createNativeQuery("SELECT count(*) FROM partner_webhook WHERE partner = ?1")
                .setParameter(1, partner).getSingleResult()).intValue() == 0) {
            return;
        }
        UUID delivery = UUID.randomUUID();
        LOG.debugf("Queuing webhook delivery %s for %s", delivery, referralId != null ? referralId : onwardReferralId);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("deliveryId", delivery.toString());
        body.putAll(fields);
        body.put("occurredAt", clock.instant().toString());
        try {
            Instant now = clock.instant();
            em.createNativeQuery("""
                    INSERT INTO webhook_delivery (id, partner, referral_id, onward_referral_id, body, next_attempt_at, created_at)
                    VALUES (?1, ?2, CAST(?3 AS uuid), CAST(?4 AS uuid), ?5, ?6, ?6)""")
                    // typed, so that the absent one of the two ids binds as a text null
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameter(1, delivery).setParameter(2, partner)
                    .setParameter(3, referralId == null ? null : referralId.toString(), String.class)
                    .setParameter(4, onwardReferralId == null ? null : onwardReferralId.toString(), String.class)
                    .setParameter(5, json.writeValueAsString(body)).setParameter(6, java.sql.Timestamp.from(now))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends what is due. Each replica of the service runs this; {@link #claimDue} hands every due delivery to one
     * of them only.
     */
    @Scheduled(every = "${arcc.cases.webhook-scan:5s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        List<Object[]> due = claimDue(clock.instant());
        if (!due.isEmpty()) {
            LOG.debugf("Sending %d partner webhook deliveries", due.size());
        }
        for (Object[] d : due) {
            send((UUID) d[0], (String) d[1], ((Number) d[2]).intValue(), (String) d[3], (String) d[4]);
        }
    }

    /**
     * Takes the deliveries due at {@code now} for this sender: a lease, committed before anything is sent. The rows
     * are locked with {@code SKIP LOCKED} (a replica claiming at the same moment takes the others) and their next
     * attempt is moved {@link #CLAIM_LEASE} ahead, so no other replica finds them due while this one sends; the
     * attempt's outcome then sets the real next attempt. A sender that dies mid-batch leaves its claimed deliveries
     * to be retried by any replica once the lease ends (at least once, deduplicated on {@code X-Arcc-Delivery}).
     *
     * @return id, body, attempts so far, URL and the partner's secret of each claimed delivery
     */
    List<Object[]> claimDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT d.id, d.body, d.attempts, w.url, w.data_key_id, w.secret, w.partner
                    FROM webhook_delivery d JOIN partner_webhook w ON w.partner = d.partner
                    WHERE d.delivered_at IS NULL AND d.gave_up_at IS NULL AND d.next_attempt_at <= ?1
                    ORDER BY d.created_at LIMIT ?2
                    FOR UPDATE OF d SKIP LOCKED""")
                    .setParameter(1, java.sql.Timestamp.from(now)).setParameter(2, CLAIM_BATCH).getResultList();
            if (rows.isEmpty()) {
                return List.<Object[]>of();
            }
            em.createNativeQuery("UPDATE webhook_delivery SET next_attempt_at = ?1 WHERE id = ANY (?2)")
                    .setParameter(1, java.sql.Timestamp.from(now.plus(CLAIM_LEASE)))
                    .setParameter(2, rows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new))
                    .executeUpdate();
            return rows.stream().map(r -> new Object[] { r[0], r[1], r[2], r[3],
                    cipher.decrypt(cipher.open((UUID) r[4], "webhook:" + r[6]), "secret", (byte[]) r[5]) }).toList();
        });
    }

    private void send(UUID id, String body, int attempts, String url, String secret) {
        long timestamp = clock.instant().getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("X-Arcc-Delivery", id.toString())
                    .header("X-Arcc-Timestamp", Long.toString(timestamp))
                    .header("X-Arcc-Signature", "sha256=" + sign(secret, timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName();
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        int attempt = attempts + 1;
        Integer lastStatus = status;
        String lastError = error;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE webhook_delivery SET attempts = ?2, last_status = ?3, last_error = ?4,
                    delivered_at = CASE WHEN ?5 THEN now() END,
                    gave_up_at = CASE WHEN NOT ?5 AND ?2 >= ?6 THEN now() END,
                    next_attempt_at = now() + make_interval(secs => ?7)
                WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, attempt).setParameter(3, lastStatus).setParameter(4, lastError)
                .setParameter(5, delivered).setParameter(6, MAX_ATTEMPTS)
                .setParameter(7, (double) Math.min(3600, 1L << Math.min(attempt, 12)))
                .executeUpdate());
        if (!delivered) {
            LOG.warnf("Webhook delivery %s attempt %d failed (%s)", id, attempt, lastStatus != null ? "HTTP " + lastStatus : lastError);
        }
    }

    /** Hex HMAC-SHA256: what partners recompute to check a delivery came from us. */
    public static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
