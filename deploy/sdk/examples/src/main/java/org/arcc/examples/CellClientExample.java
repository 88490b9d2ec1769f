package org.arcc.examples;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.arcc.sdk.ArccClient;
import org.arcc.sdk.ArccProblem;
import org.arcc.sdk.cases.api.CasesApi;
import org.arcc.sdk.cases.api.ConsentApi;
import org.arcc.sdk.cases.api.ServicesApi;
import org.arcc.sdk.cases.model.AgeBand;
import org.arcc.sdk.cases.model.CaseView;
import org.arcc.sdk.cases.model.ConsentGiver;
import org.arcc.sdk.cases.model.ConsentPurpose;
import org.arcc.sdk.cases.model.ConsentView;
import org.arcc.sdk.cases.model.DeliverServiceRequest;
import org.arcc.sdk.cases.model.GiveConsentRequest;
import org.arcc.sdk.cases.model.IncidentCategory;
import org.arcc.sdk.cases.model.IntakeChannel;
import org.arcc.sdk.cases.model.LegalSection;
import org.arcc.sdk.cases.model.OpenCaseRequest;
import org.arcc.sdk.cases.model.ServiceType;
import org.arcc.sdk.cases.model.ServiceView;
import org.arcc.sdk.cases.model.SexGender;
import org.arcc.sdk.evidence.api.EvidenceItemsApi;
import org.arcc.sdk.evidence.model.ItemType;
import org.arcc.sdk.evidence.model.RegisterItemRequest;
import org.arcc.sdk.evidence.model.RegisteredItem;

/**
 * A cell's API client (the software a cell's IT vendor connects), as docs/integrations/cell-client.md describes it:
 * with its confidential client's tokens it opens a case, records the survivor's consent to evidence collection and
 * testing and the services given, and registers the evidence kit collected. The case lives in the cases service,
 * the kit in the evidence service, which learns of the case and its consents by event a moment later: the kit is
 * registered once evidence knows them (404 / 422 until then).
 * {@link #run} is what the end-to-end suite calls as a journey; {@link #main} runs it against the platform in the
 * environment.
 */
public final class CellClientExample {

    /** What happened, in ids and codes. */
    public record Outcome(CaseView openedCase, List<ConsentView> consents, List<ServiceView> services, RegisteredItem kit) {
    }

    private CellClientExample() {
    }

    /** Runs as the cell's API client {@code clientId}; waits at most {@code waitFor} for evidence to know the case. */
    public static Outcome run(PlatformEndpoints platform, String clientId, String clientSecret, Duration waitFor) throws Exception {
        ArccClient cell = ArccClient.builder().baseUrl(platform.gatewayUrl())
                .clientCredentials(platform.keycloakUrl(), clientId, clientSecret).build();
        OffsetDateTime arrived = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0);

        CaseView opened = new CasesApi(cell.cases()).openCase(new OpenCaseRequest().channel(IntakeChannel.WALK_IN)
                .ageBand(AgeBand.ADULT_18_24).arrivedAt(arrived).sexGender(SexGender.FEMALE)
                .incidentType(IncidentCategory.RAPE).legalSections(List.of(LegalSection.PPC_376)), null);
        log("case %s opened at %s: %s", opened.getReference(), opened.getCell(), opened.getStatus());

        ConsentApi consent = new ConsentApi(cell.cases());
        List<ConsentView> consents = List.of(
                consent.giveConsent(opened.getId(), new GiveConsentRequest().purpose(ConsentPurpose.EVIDENCE_COLLECTION)
                        .givenBy(ConsentGiver.SURVIVOR), null),
                consent.giveConsent(opened.getId(), new GiveConsentRequest().purpose(ConsentPurpose.EVIDENCE_TESTING)
                        .givenBy(ConsentGiver.SURVIVOR), null));
        consents.forEach(c -> log("consent %s given by %s", c.getPurpose(), c.getGivenBy()));

        // Each service is recorded by its profession: the API client has the case-worker role, so it records what a
        // case worker gives (a shelter referral); the exam, treatment and counselling are the clinicians' to record.
        ServicesApi services = new ServicesApi(cell.cases());
        List<ServiceView> given = List.of(services.recordService(opened.getId(),
                new DeliverServiceRequest().service(ServiceType.SHELTER_REFERRAL).deliveredAt(arrived.plusMinutes(40)), null));
        given.forEach(s -> log("service %s recorded", s.getService()));

        RegisteredItem kit = registerKit(new EvidenceItemsApi(cell.evidence()), opened.getId(), arrived.plusMinutes(55), waitFor);
        // The survivor status code (kit.getSurvivorCode()) is handed to the survivor only: never logged.
        log("kit %s registered (%s, %s)", kit.getItem().getKitNumber(), kit.getItem().getType(), kit.getItem().getStage());
        return new Outcome(opened, consents, given, kit);
    }

    /** Registers the kit once the evidence service has the case and its consents (they travel by event). */
    private static RegisteredItem registerKit(EvidenceItemsApi items, UUID caseId, OffsetDateTime collectedAt, Duration waitFor) {
        RegisterItemRequest kit = new RegisterItemRequest().caseId(caseId).type(ItemType.SWABS)
                .sealNumber("S-" + (10000 + (int) (Math.random() * 89999))).collectedAt(collectedAt);
        String idempotencyKey = UUID.randomUUID().toString(); // the same kit however many times we ask
        AtomicReference<RegisteredItem> registered = new AtomicReference<>();
        AtomicReference<RuntimeException> last = new AtomicReference<>();
        PlatformEndpoints.waitUntil(waitFor, () -> {
            try {
                registered.set(items.registerItem(kit, idempotencyKey));
                return true;
            } catch (ArccProblem notYet) {
                if (notYet.status() != 404 && notYet.status() != 422) {
                    throw notYet;
                }
                last.set(notYet);
                return false;
            } catch (org.arcc.sdk.evidence.ApiException e) {
                throw new IllegalStateException(e);
            }
        });
        if (registered.get() == null) {
            throw last.get() != null ? last.get() : new IllegalStateException("kit not registered");
        }
        return registered.get();
    }

    private static void log(String format, Object... args) {
        System.out.println("[cell] " + String.format(format, args));
    }

    /**
     * Runs against the platform in the environment: {@code ARCC_CELL_CLIENT_ID} and {@code ARCC_CELL_CLIENT_SECRET}
     * (default: the development client of Karachi's cell, {@code cell-khi-api}).
     */
    public static void main(String[] args) throws Exception {
        Outcome outcome = run(PlatformEndpoints.fromEnvironment(), PlatformEndpoints.env("ARCC_CELL_CLIENT_ID", "cell-khi-api"),
                PlatformEndpoints.env("ARCC_CELL_CLIENT_SECRET", "dev-secret-cell-khi"), Duration.ofSeconds(60));
        log("done: case %s, %d consents, %d services, kit %s", outcome.openedCase().getReference(), outcome.consents().size(),
                outcome.services().size(), outcome.kit().getItem().getKitNumber());
    }
}
