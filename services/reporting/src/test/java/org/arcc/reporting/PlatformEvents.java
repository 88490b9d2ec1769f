package org.arcc.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.contracts.Topics;
import org.arcc.reporting.domain.Periods;
import org.arcc.testing.CloudEventPublisher;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the cases, evidence and legal-aid services would publish, on the real broker, for the reporting service to
 * project: {@code events.survivor("KHI", "2025-01").child().withStatisticsConsent().open()}.
 */
public final class PlatformEvents implements AutoCloseable {

    private final CloudEventPublisher cases = new CloudEventPublisher(bootstrap(), "/arcc/cases");
    private final CloudEventPublisher evidence = new CloudEventPublisher(bootstrap(), "/arcc/evidence");
    private final CloudEventPublisher legal = new CloudEventPublisher(bootstrap(), "/arcc/legal-aid");

    /** A case about to be opened. */
    public final class Survivor {
        private final String cell;
        private final Instant arrivedAt;
        private String ageBand = "ADULT_18_24";
        private String channel = "WALK_IN";
        private boolean statistics;

        Survivor(String cell, Instant arrivedAt) {
            this.cell = cell;
            this.arrivedAt = arrivedAt;
        }

        public Survivor child() {
            ageBand = "CHILD_12_17";
            return this;
        }

        public Survivor channel(String code) {
            channel = code;
            return this;
        }

        public Survivor withStatisticsConsent() {
            statistics = true;
            return this;
        }

        /** Publishes the case (v1 and v2, as the cases service does) and its consent; returns the case. */
        public Opened open() {
            UUID caseId = UUID.randomUUID();
            Map<String, Object> v1 = new LinkedHashMap<>();
            v1.put("caseId", caseId.toString());
            v1.put("reference", cell + "-2025-" + (10000 + (int) (Math.random() * 89999)));
            v1.put("cell", cell);
            v1.put("channel", channel);
            v1.put("ageBand", ageBand);
            v1.put("arrivedAt", arrivedAt.toString());
            v1.put("openedAt", arrivedAt.plusSeconds(600).toString());
            Map<String, Object> v2 = new LinkedHashMap<>(v1);
            v2.put("sexGender", "FEMALE");
            v2.put("incidentDate", LocalDate.ofInstant(arrivedAt, Periods.PAKISTAN).minusDays(1).toString());
            v2.put("incidentType", "RAPE");
            v2.put("legalSections", List.of("PPC_376"));
            v2.put("disabilities", List.of());
            v2.put("vulnerabilities", List.of());
            cases.publish(Topics.CASES, "arcc.case.opened.v1", caseId.toString(), v1);
            cases.publish(Topics.CASES, "arcc.case.opened.v2", caseId.toString(), v2);
            UUID consent = statistics ? consentGiven(caseId, cell, "STATISTICS") : null;
            return new Opened(caseId, cell, arrivedAt, consent);
        }
    }

    public record Opened(UUID caseId, String cell, Instant arrivedAt, UUID statisticsConsent) {
    }

    /** A survivor who arrives in the cell on the 10th of the month at noon, Pakistan time. */
    public Survivor survivor(String cell, String month) {
        return new Survivor(cell, LocalDateTime.parse(month + "-10T12:00").atZone(Periods.PAKISTAN).toInstant());
    }

    public UUID consentGiven(UUID caseId, String cell, String purpose) {
        UUID consentId = UUID.randomUUID();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("caseId", caseId.toString());
        given.put("consentId", consentId.toString());
        given.put("cell", cell);
        given.put("purpose", purpose);
        given.put("recipient", null);
        given.put("givenBy", "SURVIVOR");
        given.put("givenAt", Instant.now().toString());
        cases.publish(Topics.CASES, "arcc.case.consent-given.v1", caseId.toString(), given);
        return consentId;
    }

    public void consentWithdrawn(Opened c, String purpose, UUID consentId) {
        Map<String, Object> withdrawn = new LinkedHashMap<>();
        withdrawn.put("caseId", c.caseId().toString());
        withdrawn.put("consentId", consentId.toString());
        withdrawn.put("cell", c.cell());
        withdrawn.put("purpose", purpose);
        withdrawn.put("recipient", null);
        withdrawn.put("withdrawnAt", Instant.now().toString());
        cases.publish(Topics.CASES, "arcc.case.consent-withdrawn.v1", c.caseId().toString(), withdrawn);
    }

    public void serviceDelivered(Opened c, String service, long hoursAfterArrival) {
        cases.publish(Topics.CASES, "arcc.case.service-delivered.v1", c.caseId().toString(), Map.of("caseId",
                c.caseId().toString(), "deliveryId", UUID.randomUUID().toString(), "cell", c.cell(), "service", service,
                "deliveredByRole", "medical-officer", "deliveredAt", c.arrivedAt().plusSeconds(hoursAfterArrival * 3600).toString()));
    }

    public void transferred(Opened c, String toCell) {
        cases.publish(Topics.CASES, "arcc.case.transfer-accepted.v1", c.caseId().toString(), Map.of("caseId",
                c.caseId().toString(), "transferId", UUID.randomUUID().toString(), "fromCell", c.cell(), "toCell", toCell,
                "acceptedAt", c.arrivedAt().plusSeconds(86400).toString()));
    }

    /** A DNA swab collected an hour after arrival and submitted to a lab {@code hoursToLab} later. */
    public void swabToLab(Opened c, long hoursToLab) {
        UUID item = UUID.randomUUID();
        Instant collected = c.arrivedAt().plusSeconds(3600);
        evidence.publish(Topics.EVIDENCE, "arcc.evidence.item-registered.v1", item.toString(), Map.of("itemId",
                item.toString(), "kitNumber", c.cell() + "-EV-2025-000001", "caseId", c.caseId().toString(), "cell",
                c.cell(), "itemType", "SWABS", "restricted", false, "collectedAt", collected.toString()));
        Map<String, Object> custody = new LinkedHashMap<>();
        custody.put("itemId", item.toString());
        custody.put("caseId", c.caseId().toString());
        custody.put("cell", c.cell());
        custody.put("sequence", 2);
        custody.put("leafIndex", 1);
        custody.put("action", "SUBMITTED_TO_LAB");
        custody.put("holder", "custodian:forensic-lab-demo");
        custody.put("leafHash", "0".repeat(64));
        custody.put("recordedAt", collected.plusSeconds(hoursToLab * 3600).toString());
        evidence.publish(Topics.EVIDENCE, "arcc.evidence.custody-recorded.v1", item.toString(), custody);
    }

    public void firRegistered(Opened c, long hoursAfterArrival) {
        legal.publish(Topics.LEGAL, "arcc.legal.fir-registered.v1", c.caseId().toString(), Map.of("caseId",
                c.caseId().toString(), "cell", c.cell(), "firId", UUID.randomUUID().toString(), "policeStation",
                "ps-khi-women-saddar", "sections", List.of("PPC_376"), "registeredAt",
                c.arrivedAt().plusSeconds(hoursAfterArrival * 3600).toString(), "minutesFromArrival", hoursAfterArrival * 60));
    }

    public void convicted(Opened c, LocalDate reachedCourtOn, LocalDate decidedOn) {
        legal.publish(Topics.LEGAL, "arcc.legal.verdict-recorded.v1", c.caseId().toString(), Map.of("caseId",
                c.caseId().toString(), "cell", c.cell(), "outcome", "CONVICTED", "sections", List.of("PPC_376"),
                "decidedOn", decidedOn.toString(), "reachedCourtOn", reachedCourtOn.toString(), "trialDays",
                java.time.temporal.ChronoUnit.DAYS.between(reachedCourtOn, decidedOn)));
    }

    /**
     * The case's medico-legal report, signed {@code hoursToSign} after the exam began (two hours after arrival),
     * with the checks a supervisor overrode; returns the signed version's id.
     */
    public UUID medicoLegalReportSigned(Opened c, long hoursToSign, String... overriddenChecks) {
        UUID version = UUID.randomUUID();
        Instant examStarted = c.arrivedAt().plusSeconds(2 * 3600);
        cases.publish(Topics.CASES, "arcc.case.medico-legal-report-signed.v1", c.caseId().toString(), Map.of("caseId",
                c.caseId().toString(), "reportVersionId", version.toString(), "cell", c.cell(), "version", 1,
                "examStartedAt", examStarted.toString(), "signedAt", examStarted.plusSeconds(hoursToSign * 3600).toString(),
                "overriddenChecks", List.of(overriddenChecks), "canonicalSha256", "a".repeat(64)));
        return version;
    }

    /** A correction of the case's signed report: version {@code version} (2 or more), a day after arrival. */
    public void medicoLegalReportAmended(Opened c, int version) {
        cases.publish(Topics.CASES, "arcc.case.medico-legal-report-amended.v1", c.caseId().toString(), Map.of("caseId",
                c.caseId().toString(), "reportVersionId", UUID.randomUUID().toString(), "cell", c.cell(), "version",
                version, "amendedByRole", "cell-supervisor", "amendedAt", c.arrivedAt().plusSeconds(86400).toString(),
                "overriddenChecks", List.of(), "canonicalSha256", "b".repeat(64)));
    }

    @Override
    public void close() {
        cases.close();
        evidence.close();
        legal.close();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
