package org.arcc.cases.journeys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.arcc.cases.ACase;
import org.arcc.cases.AMedicoLegalReport;
import org.arcc.cases.AnIdentity;
import org.arcc.cases.CasesApi;
import org.arcc.cases.MedicoLegalApi;
import org.arcc.cases.domain.medicolegal.ReportCanonicalForm;
import org.arcc.contracts.Topics;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.EventSchemas;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.KafkaTopicReader;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Journeys 1 and 2 (shared/design/JOURNEYS.md) as far as the medico-legal report goes: the examination's report is
 * drafted against the evidence items the evidence service registered, checked, signed, hashed into the audit trail,
 * rendered as a PDF that verifies on every download, and corrected only by an amendment.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class MedicoLegalReportJourneyTest {

    private static final String NAME = "Ayesha Siddiqui";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void explainFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void journeyOneAdultExaminedAtTwoHoursIsSignedHashedRenderedAndAmendedInTheOpen() throws Exception {
        String khi = "KHI";
        String worker = Tokens.caseWorker(khi);
        String medical = Tokens.as("medical-officer").inCell(khi).subject("mo-journey-1").sign();
        String supervisor = Tokens.supervisor(khi);
        String legal = Tokens.legalOfficer(khi);
        Instant arrived = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        String caseId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.rapeAndCyberStalking().with("arrivedAt", arrived.toString()).body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(AnIdentity.adult().body())
                .put("/api/v1/cases/" + caseId + "/identity").then().statusCode(204);
        String consent = CasesApi.giveConsent(worker, caseId, "MEDICAL_EXAM");
        CasesApi.giveConsent(worker, caseId, "EVIDENCE_COLLECTION");

        // T+2h: swabs and clothing collected and sealed, a bruise photographed, screenshots registered as digital evidence.
        AMedicoLegalReport report = AMedicoLegalReport.journeyOne(arrived, consent);
        Instant sealed = report.startedAt().plus(Duration.ofMinutes(30));
        String swabs = MedicoLegalApi.registerItem(bootstrapServers, caseId, khi, "KHI-EV-2026-100001", "SWABS",
                report.startedAt(), sealed);
        String clothing = MedicoLegalApi.registerItem(bootstrapServers, caseId, khi, "KHI-EV-2026-100002", "CLOTHING",
                report.startedAt(), sealed);
        String photo = MedicoLegalApi.registerItem(bootstrapServers, caseId, khi, "KHI-EV-2026-100003", "CLOTHING",
                report.startedAt(), sealed);
        MedicoLegalApi.registerItem(bootstrapServers, caseId, khi, "KHI-EV-2026-100004", "DIGITAL_EVIDENCE",
                arrived.plus(Duration.ofMinutes(20)), null);
        MedicoLegalApi.awaitItemsKnown(caseId, 4);

        // The legal officer sees nothing before signing.
        given().auth().oauth2(legal).get("/api/v1/cases/" + caseId + "/medico-legal-report").then().statusCode(404);

        // A first draft forgets the clothing: the check names the kit.
        report.sample(swabs, "KHI-EV-2026-100001", sealed).bruisePhotographedAs(photo);
        MedicoLegalApi.draft(medical, caseId, report.body()).statusCode(200).body("status", equalTo("DRAFT"))
                .body("signable", equalTo(false)).body("findings.check", hasItem("COLLECTED_ITEMS_REPORTED"))
                .body("findings.detail", hasItem(containsString("KHI-EV-2026-100002")));
        MedicoLegalApi.sign(medical, caseId).statusCode(409).body("detail", containsString("COLLECTED_ITEMS_REPORTED"));

        report.sample(clothing, "KHI-EV-2026-100002", sealed);
        MedicoLegalApi.draft(medical, caseId, report.body()).statusCode(200).body("findings", hasSize(0))
                .body("signable", equalTo(true));
        String canonical;
        String pdfHash;
        try (KafkaTopicReader cases = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            var signed = MedicoLegalApi.sign(medical, caseId).statusCode(200).body("status", equalTo("SIGNED"))
                    .body("signedBy", equalTo("mo-journey-1")).extract();
            canonical = signed.path("canonicalSha256");
            pdfHash = signed.path("pdfSha256");
            ConsumerRecord<String, String> event = cases.awaitRecord(r -> caseId.equals(r.key())
                    && "arcc.case.medico-legal-report-signed.v1".equals(KafkaTopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(EventSchemas.validate("arcc.case.medico-legal-report-signed.v1", event.value())).isEmpty();
            assertThat(event.value()).contains(canonical).doesNotContain("Assaulted").doesNotContain("Bluish")
                    .doesNotContain("S.A.");
        }

        // Signed means frozen: the draft cannot be written again.
        MedicoLegalApi.draft(medical, caseId, report.with("hoursSinceIncident", 17).body()).statusCode(409)
                .body("detail", containsString("amendment"));

        // The legal officer downloads the PDF: same bytes every time, the hash recorded at signing, initials only.
        byte[] pdf = given().auth().oauth2(legal).accept("application/pdf")
                .get("/api/v1/cases/" + caseId + "/medico-legal-report/pdf").then().statusCode(200)
                .header("X-Content-SHA256", pdfHash).extract().asByteArray();
        byte[] again = given().auth().oauth2(legal).accept("application/pdf")
                .get("/api/v1/cases/" + caseId + "/medico-legal-report/pdf").then().statusCode(200).extract().asByteArray();
        assertThat(again).isEqualTo(pdf);
        assertThat(ReportCanonicalForm.sha256(pdf)).isEqualTo(pdfHash);
        String text = text(pdf);
        assertThat(text).contains("MEDICO-LEGAL EXAMINATION REPORT").contains("Survivor: S.A.")
                .contains("KHI-EV-2026-100001").contains(canonical).doesNotContain(NAME).doesNotContain("Zainab");

        // A court checks the PDF's hash, and the canonical form's, against the record and the audit trail.
        given().auth().oauth2(legal).get("/api/v1/cases/" + caseId + "/medico-legal-report/verification?sha256=" + pdfHash)
                .then().statusCode(200).body("matches", equalTo(true)).body("matched", equalTo("PDF"))
                .body("version", equalTo(1)).body("recordedInAuditTrail", equalTo(true));
        given().auth().oauth2(legal).get("/api/v1/cases/" + caseId + "/medico-legal-report/verification?sha256=" + canonical)
                .then().statusCode(200).body("matched", equalTo("CANONICAL_FORM"));
        byte[] tampered = pdf.clone();
        tampered[tampered.length / 2] ^= 1;
        given().auth().oauth2(legal).get("/api/v1/cases/" + caseId + "/medico-legal-report/verification?sha256="
                + ReportCanonicalForm.sha256(tampered)).then().statusCode(200).body("matches", equalTo(false));

        // A correction: not by another medical officer, but by the supervisor, with a reason; both versions stay.
        Map<String, Object> corrected = report.with("systemicFindings", "No abnormality detected; BP 118/76.").body();
        given().auth().oauth2(Tokens.medicalOfficer(khi)).contentType(ContentType.JSON)
                .body(Map.of("reason", "Blood pressure omitted from the systemic findings", "content", corrected))
                .post("/api/v1/cases/" + caseId + "/medico-legal-report/amendments").then().statusCode(403);
        try (KafkaTopicReader cases = new KafkaTopicReader(bootstrapServers, Topics.CASES)) {
            given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                    .body(Map.of("reason", "Blood pressure omitted from the systemic findings", "content", corrected))
                    .post("/api/v1/cases/" + caseId + "/medico-legal-report/amendments").then().statusCode(201)
                    .body("version", equalTo(2)).body("status", equalTo("SIGNED"))
                    .body("signedByRole", equalTo("cell-supervisor"));
            ConsumerRecord<String, String> amended = cases.awaitRecord(r -> caseId.equals(r.key())
                    && "arcc.case.medico-legal-report-amended.v1".equals(KafkaTopicReader.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(EventSchemas.validate("arcc.case.medico-legal-report-amended.v1", amended.value())).isEmpty();
            assertThat(amended.value()).doesNotContain("Blood pressure");
        }
        given().auth().oauth2(legal).get("/api/v1/cases/" + caseId + "/medico-legal-report/versions").then()
                .statusCode(200).body("version", equalTo(List.of(1, 2)))
                .body("[1].amendmentReason", equalTo("Blood pressure omitted from the systemic findings"));
        byte[] second = given().auth().oauth2(legal).accept("application/pdf")
                .get("/api/v1/cases/" + caseId + "/medico-legal-report/pdf").then().statusCode(200).extract().asByteArray();
        assertThat(text(second)).contains("Version 2").contains("Amendment reason: Blood pressure omitted")
                .contains(canonical);
        // Version 1's PDF still verifies, and says it has been amended since.
        assertThat(given().auth().oauth2(legal).accept("application/pdf")
                .get("/api/v1/cases/" + caseId + "/medico-legal-report/pdf?version=1").then().statusCode(200).extract()
                .asByteArray()).isEqualTo(pdf);
        given().auth().oauth2(legal).get("/api/v1/cases/" + caseId + "/medico-legal-report/verification?sha256=" + pdfHash)
                .then().statusCode(200).body("version", equalTo(1)).body("latestSignedVersion", equalTo(2));

        // Every read is in the access history the supervisor reviews.
        given().auth().oauth2(supervisor).get("/api/v1/cases/" + caseId + "/access-history").then().statusCode(200)
                .body("accesses.resource", hasItem("medico-legal-report")).body("accesses.resource", hasItem("medico-legal-report-pdf"))
                .body("accesses.resource", hasItem("medico-legal-report-verification"));
    }

    @Test
    void journeyTwoChildExaminedAtSevenHoursIsSignedOnceTheDelayIsExplained() {
        String mux = "MUX";
        String worker = Tokens.caseWorker(mux);
        String medical = Tokens.medicalOfficer(mux);
        Instant arrived = Instant.now().minus(Duration.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String caseId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.broughtByPolice().child().sexGender("FEMALE").classified("RAPE", "PPC_376_3")
                        .with("arrivedAt", arrived.toString()).body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String consent = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("purpose", "MEDICAL_EXAM", "givenBy", "GUARDIAN", "childAssent", true))
                .post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).extract().path("id");
        AMedicoLegalReport report = AMedicoLegalReport.journeyTwo(arrived, consent);
        Instant sealed = report.startedAt().plus(Duration.ofMinutes(25));
        String dna = MedicoLegalApi.registerItem(bootstrapServers, caseId, mux, "MUX-EV-2026-000007",
                "DNA_REFERENCE_SAMPLE", report.startedAt(), sealed);
        MedicoLegalApi.awaitItemsKnown(caseId, 1);
        report.sample(dna, "MUX-EV-2026-000007", sealed);

        MedicoLegalApi.draft(medical, caseId, report.without("sixHourBreachReason").body()).statusCode(200)
                .body("findings.check", equalTo(List.of("SIX_HOUR_LIMIT")));
        MedicoLegalApi.sign(medical, caseId).statusCode(409).body("detail", containsString("SIX_HOUR_LIMIT"));

        MedicoLegalApi.draft(medical, caseId, AMedicoLegalReport.journeyTwo(arrived, consent)
                .sample(dna, "MUX-EV-2026-000007", sealed).body()).statusCode(200).body("findings", hasSize(0));
        MedicoLegalApi.sign(medical, caseId).statusCode(200).body("status", equalTo("SIGNED"))
                .body("content.survivorInitials", equalTo("F."));
    }

    @Test
    void aReportMentioningAForbiddenTestCannotBeSignedNorOverridden() {
        String khi = "KHI";
        String worker = Tokens.caseWorker(khi);
        String medical = Tokens.medicalOfficer(khi);
        Instant arrived = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        String caseId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().with("arrivedAt", arrived.toString()).body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String consent = CasesApi.giveConsent(worker, caseId, "MEDICAL_EXAM");
        MedicoLegalApi.draft(medical, caseId, AMedicoLegalReport.journeyOne(arrived, consent).with("opinion",
                "FINDINGS_NOT_INCONSISTENT_WITH_HISTORY").with("generalFindings", "Two-finger test: admits easily.").body())
                .statusCode(200).body("findings.check", equalTo(List.of("FORBIDDEN_TEST_MENTIONED")))
                .body("findings[0].overridable", equalTo(false)).body("findings[0].source", containsString("Sadaf Aziz"))
                .body("findings[0].detail", not(containsString("admits easily")));
        MedicoLegalApi.sign(medical, caseId).statusCode(409).body("detail", containsString("FORBIDDEN_TEST_MENTIONED"));
        given().auth().oauth2(Tokens.supervisor(khi)).contentType(ContentType.JSON)
                .body(Map.of("check", "FORBIDDEN_TEST_MENTIONED", "reason", "The officer says it was only noted, not done"))
                .post("/api/v1/cases/" + caseId + "/medico-legal-report/overrides").then().statusCode(409);
        given().auth().oauth2(medical).get("/api/v1/cases/" + caseId + "/medico-legal-report").then().statusCode(200)
                .body("status", equalTo("DRAFT"));
    }

    @Test
    void aSupervisorsOverrideIsRecordedAndPrintedOnTheSignedReport() throws Exception {
        String khi = "KHI";
        String worker = Tokens.caseWorker(khi);
        String medical = Tokens.medicalOfficer(khi);
        Instant arrived = Instant.now().minus(Duration.ofHours(9)).truncatedTo(ChronoUnit.SECONDS);
        String caseId = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(ACase.walkIn().with("arrivedAt", arrived.toString()).body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
        String consent = CasesApi.giveConsent(worker, caseId, "MEDICAL_EXAM");
        MedicoLegalApi.draft(medical, caseId, AMedicoLegalReport.journeyTwo(arrived, consent).without("sixHourBreachReason")
                .with("opinion", "FINDINGS_NOT_INCONSISTENT_WITH_HISTORY").with("awaited", List.of()).body())
                .statusCode(200).body("findings.check", equalTo(List.of("SIX_HOUR_LIMIT")));
        String reason = "Reason recorded on the paper register; the officer is on leave until Monday.";
        given().auth().oauth2(Tokens.supervisor(khi)).contentType(ContentType.JSON)
                .body(Map.of("check", "SIX_HOUR_LIMIT", "reason", reason))
                .post("/api/v1/cases/" + caseId + "/medico-legal-report/overrides").then().statusCode(200)
                .body("signable", equalTo(true)).body("overrides[0].reason", equalTo(reason))
                .body("findings[0].overridden", equalTo(true));
        MedicoLegalApi.sign(medical, caseId).statusCode(200).body("overrides[0].check", equalTo("SIX_HOUR_LIMIT"));
        byte[] pdf = given().auth().oauth2(Tokens.legalOfficer(khi)).accept("application/pdf")
                .get("/api/v1/cases/" + caseId + "/medico-legal-report/pdf").then().statusCode(200).extract().asByteArray();
        assertThat(text(pdf)).contains("Checks overridden by the cell supervisor").contains("SIX_HOUR_LIMIT")
                .contains("paper register");
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
