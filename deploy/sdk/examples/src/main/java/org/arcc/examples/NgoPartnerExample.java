package org.arcc.examples;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.arcc.sdk.ArccClient;
import org.arcc.sdk.ArccProblem;
import org.arcc.sdk.cases.ApiException;
import org.arcc.sdk.cases.api.ConsentApi;
import org.arcc.sdk.cases.api.OnwardReferralsApi;
import org.arcc.sdk.cases.api.ReferralsApi;
import org.arcc.sdk.cases.model.AcknowledgementRequest;
import org.arcc.sdk.cases.model.AgeBand;
import org.arcc.sdk.cases.model.ConsentGiver;
import org.arcc.sdk.cases.model.ConsentPurpose;
import org.arcc.sdk.cases.model.Decision;
import org.arcc.sdk.cases.model.GiveConsentRequest;
import org.arcc.sdk.cases.model.IncidentCategory;
import org.arcc.sdk.cases.model.OnwardReferralRequest;
import org.arcc.sdk.cases.model.OnwardReferralView;
import org.arcc.sdk.cases.model.PartnerOnwardReferralView;
import org.arcc.sdk.cases.model.ReferralRequest;
import org.arcc.sdk.cases.model.ReferralView;
import org.arcc.sdk.cases.model.ServiceKind;
import org.arcc.sdk.cases.model.SexGender;
import org.arcc.sdk.cases.model.Urgency;
import org.arcc.sdk.cases.model.WebhookRequest;

/**
 * A partner NGO's integration, as docs/integrations/ngo.md describes it: it refers a survivor to a cell, follows the
 * referral through the status webhooks the platform signs, and answers the onward referrals cells make to it.
 * <ol>
 * <li>start its own webhook endpoint ({@link PartnerWebhookEndpoint}: every delivery verified, repeats ignored);</li>
 * <li>(once, by a platform administrator) register that endpoint and its shared secret for the partner;</li>
 * <li>send a referral as the partner (client credentials) and wait for its {@code RECEIVED} webhook;</li>
 * <li>optionally play the cell's part too ({@code cell} given): accept the referral, which opens a case, record the
 * survivor's consent to share with this partner and refer the survivor onward to it;</li>
 * <li>answer every onward referral that arrives ({@code SENT} webhook, and a poll of its list for any missed) with
 * {@code ACCEPTED}.</li>
 * </ol>
 * {@link #run} is what the end-to-end suite calls as a journey; {@link #main} runs it against a platform from the
 * environment (see {@code docs/integrations/ngo.md}).
 */
public final class NgoPartnerExample {

    /**
     * @param partnerClientId  the partner's confidential client in Keycloak (e.g. {@code ngo-demo})
     * @param webhookSecret    shared with the platform when the webhook is registered, 32 to 200 characters
     * @param webhookHost      the host name under which the platform reaches this machine
     * @param webhookPort      the port to listen on (0: any free one)
     * @param referToCell      the cell code the referral goes to (e.g. {@code LHE-1})
     * @param waitFor          how long to wait for each webhook
     */
    public record Settings(PlatformEndpoints platform, String partnerClientId, String partnerSecret, String webhookSecret,
            String webhookHost, int webhookPort, String referToCell, Duration waitFor) {
    }

    /** What happened, in ids, codes and statuses. */
    public record Outcome(ReferralView referral, List<String> referralStatusesByWebhook, OnwardReferralView onwardReferral,
            List<PartnerOnwardReferralView> answered, int deliveriesVerified, int deliveriesRefused) {
    }

    private NgoPartnerExample() {
    }

    /**
     * Runs the partner's side; with {@code admin} registers its webhook first, with {@code cell} (a client of the
     * cell {@code referToCell}) plays the cell's side as well.
     */
    public static Outcome run(Settings settings, ArccClient admin, ArccClient cell) throws IOException, ApiException {
        ArccClient partner = ArccClient.builder().baseUrl(settings.platform().gatewayUrl())
                .clientCredentials(settings.platform().keycloakUrl(), settings.partnerClientId(), settings.partnerSecret())
                .build();
        OnwardReferralsApi onward = new OnwardReferralsApi(partner.cases());
        Set<String> answeredIds = ConcurrentHashMap.newKeySet();
        List<PartnerOnwardReferralView> answered = new java.util.concurrent.CopyOnWriteArrayList<>();

        try (PartnerWebhookEndpoint endpoint = PartnerWebhookEndpoint.start(settings.webhookHost(), settings.webhookPort(),
                settings.webhookSecret(), delivery -> {
                    if (delivery.body().has("onwardReferralId") && "SENT".equals(delivery.status())) {
                        answer(onward, UUID.fromString(delivery.body().get("onwardReferralId").asText()), answeredIds, answered);
                    }
                })) {
            if (admin != null) {
                new ReferralsApi(admin.cases()).registerPartnerWebhook(settings.partnerClientId(),
                        new WebhookRequest().url(endpoint.url(settings.webhookHost())).secret(settings.webhookSecret()));
                log("webhook registered for %s at %s", settings.partnerClientId(), endpoint.url(settings.webhookHost()));
            }

            ReferralsApi referrals = new ReferralsApi(partner.cases());
            ReferralView referral = referrals.sendReferral(new ReferralRequest().cell(settings.referToCell())
                    .ageBand(AgeBand.ADULT_25_59).incidentCategory(IncidentCategory.RAPE).consentAttested(true)
                    .partnerReference("DEMO-" + UUID.randomUUID().toString().substring(0, 8)), null);
            String referralId = referral.getId().toString();
            log("referral %s sent to %s: %s", referralId, referral.getCell(), referral.getStatus());
            awaitWebhook(endpoint, referralId, "RECEIVED", settings.waitFor());

            OnwardReferralView onwardReferral = null;
            if (cell != null) {
                ReferralView accepted = new ReferralsApi(cell.cases()).acceptReferral(referral.getId(), null);
                log("the cell accepted it: case %s opened", accepted.getCaseId());
                awaitWebhook(endpoint, referralId, "ACCEPTED", settings.waitFor());
                log("the partner now reads its referral as %s", referrals.getReferral(referral.getId()).getStatus());

                new ConsentApi(cell.cases()).giveConsent(accepted.getCaseId(), new GiveConsentRequest()
                        .purpose(ConsentPurpose.SHARING).givenBy(ConsentGiver.SURVIVOR).recipient(settings.partnerClientId()), null);
                onwardReferral = new OnwardReferralsApi(cell.cases()).makeOnwardReferral(accepted.getCaseId(),
                        new OnwardReferralRequest().partner(settings.partnerClientId()).serviceKind(ServiceKind.COUNSELLING)
                                .urgency(Urgency.PRIORITY).sexGender(SexGender.FEMALE).disabilities(List.of()), null);
                log("the cell referred the survivor onward to %s: %s (%s)", settings.partnerClientId(),
                        onwardReferral.getId(), onwardReferral.getContactReference());
                String onwardId = onwardReferral.getId().toString();
                awaitWebhook(endpoint, onwardId, "SENT", settings.waitFor());
                PlatformEndpoints.waitUntil(settings.waitFor(), () -> answeredIds.contains(onwardId));
            }

            // Anything the webhooks did not bring (registered late, endpoint down): the list is the source of truth.
            for (PartnerOnwardReferralView open : onward.listPartnerOnwardReferrals()) {
                if ("SENT".equals(open.getStatus())) {
                    answer(onward, open.getId(), answeredIds, answered);
                }
            }
            List<String> statuses = new ArrayList<>();
            endpoint.verified().stream().filter(d -> d.isAbout(referralId)).forEach(d -> statuses.add(d.status()));
            return new Outcome(referral, statuses, onwardReferral, List.copyOf(answered), endpoint.verified().size(),
                    endpoint.refused());
        }
    }

    private static void answer(OnwardReferralsApi onward, UUID id, Set<String> answeredIds, List<PartnerOnwardReferralView> answered) {
        if (!answeredIds.add(id.toString())) {
            return;
        }
        try {
            PartnerOnwardReferralView view = onward.acknowledgeOnwardReferral(id,
                    new AcknowledgementRequest().decision(Decision.ACCEPTED), null);
            answered.add(view);
            log("onward referral %s (%s, %s, from %s) answered: %s", id, view.getServiceKind(), view.getUrgency(),
                    view.getReferringCell(), view.getStatus());
        } catch (ArccProblem problem) {
            // e.g. 409 when it was withdrawn meanwhile: the platform's answer stands
            log("onward referral %s not answered: %s", id, problem.getMessage());
        } catch (ApiException e) {
            log("onward referral %s not answered: %s", id, e.getMessage());
        }
    }

    private static void awaitWebhook(PartnerWebhookEndpoint endpoint, String id, String status, Duration waitFor) {
        boolean arrived = PlatformEndpoints.waitUntil(waitFor,
                () -> endpoint.verified().stream().anyMatch(d -> d.isAbout(id) && status.equals(d.status())));
        log(arrived ? "webhook: %s is %s (signature verified)" : "no %2$s webhook for %1$s within the wait", id, status);
    }

    private static void log(String format, Object... args) {
        System.out.println("[ngo] " + String.format(format, args));
    }

    /**
     * Runs against the platform in the environment. {@code ARCC_NGO_CLIENT_ID}/{@code ARCC_NGO_CLIENT_SECRET} (default:
     * the development partner {@code ngo-demo}); {@code ARCC_NGO_WEBHOOK_SECRET}, {@code ARCC_NGO_WEBHOOK_HOST},
     * {@code ARCC_NGO_WEBHOOK_PORT}; {@code ARCC_NGO_REFER_TO} (cell, default LHE-1). With {@code ARCC_ADMIN_USER} and
     * {@code ARCC_ADMIN_PASSWORD} (development: {@code platform.admin} through {@code arcc-cli}) it registers the
     * webhook; with {@code ARCC_CELL_CLIENT_ID}/{@code ARCC_CELL_CLIENT_SECRET} (the referred cell's API client) it
     * plays the cell's side too.
     */
    public static void main(String[] args) throws Exception {
        PlatformEndpoints platform = PlatformEndpoints.fromEnvironment();
        Settings settings = new Settings(platform, PlatformEndpoints.env("ARCC_NGO_CLIENT_ID", "ngo-demo"),
                PlatformEndpoints.env("ARCC_NGO_CLIENT_SECRET", "dev-secret-ngo-demo"),
                PlatformEndpoints.env("ARCC_NGO_WEBHOOK_SECRET", "dev-webhook-secret-of-ngo-demo-0123456789"),
                PlatformEndpoints.env("ARCC_NGO_WEBHOOK_HOST", "127.0.0.1"),
                Integer.parseInt(PlatformEndpoints.env("ARCC_NGO_WEBHOOK_PORT", "0")),
                PlatformEndpoints.env("ARCC_NGO_REFER_TO", "LHE-1"), Duration.ofSeconds(60));
        String adminUser = System.getenv("ARCC_ADMIN_USER");
        ArccClient admin = adminUser == null ? null : ArccClient.builder().baseUrl(platform.gatewayUrl())
                .password(platform.keycloakUrl(), "arcc-cli", adminUser, System.getenv("ARCC_ADMIN_PASSWORD")).build();
        String cellClient = System.getenv("ARCC_CELL_CLIENT_ID");
        ArccClient cell = cellClient == null ? null : ArccClient.builder().baseUrl(platform.gatewayUrl())
                .clientCredentials(platform.keycloakUrl(), cellClient, System.getenv("ARCC_CELL_CLIENT_SECRET")).build();
        Outcome outcome = run(settings, admin, cell);
        log("done: referral %s, statuses by webhook %s, onward referrals answered %d, deliveries verified %d, refused %d",
                outcome.referral().getId(), outcome.referralStatusesByWebhook(), outcome.answered().size(),
                outcome.deliveriesVerified(), outcome.deliveriesRefused());
    }
}
