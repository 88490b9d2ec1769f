package org.arcc.legal;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Steps through the legal-aid API that many tests share, and files taken to a point of the pathway. */
public final class LegalApi {

    public static final String FILES = "/api/v1/legal/files";
    public static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

    private LegalApi() {
    }

    /** How far along the pathway a file is. */
    public enum Progress {
        /** Opened, with consent to a police report, nothing recorded. */
        NEW,
        /** FIR registered. */
        FIR,
        /** FIR, investigation, a legal-aid lawyer assigned, a trial since 30 days and yesterday's hearing without outcome. */
        COURT,
        /** ... and a conviction. */
        DECIDED,
        /** ... and an appeal pending. */
        APPEALED
    }

    /** Ids of what a file holds, for the requests about it. */
    public record Fixture(UUID caseId, UUID representationId, UUID hearingId, UUID appealId) {
    }

    public static LocalDate today() {
        return LocalDate.now(PAKISTAN);
    }

    public static Response post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
    }

    public static String file(UUID caseId) {
        return FILES + "/" + caseId;
    }

    public static Fixture fileAt(String cell, Progress progress) {
        UUID caseId = CaseFacts.openedWithPoliceReportConsent(cell);
        String lo = Tokens.legalOfficer(cell);
        UUID representation = null;
        UUID hearing = null;
        UUID appeal = null;
        if (progress.compareTo(Progress.FIR) >= 0) {
            post(lo, file(caseId) + "/fir", firRegistered(Instant.now().minusSeconds(3600))).then().statusCode(201);
        }
        if (progress.compareTo(Progress.COURT) >= 0) {
            post(lo, file(caseId) + "/investigation", Map.of("unit", "ssoiu-khi", "investigatingOfficer",
                    "Inspector Shazia Parveen")).then().statusCode(201);
            representation = UUID.fromString(post(lo, file(caseId) + "/representations", Map.of("role",
                    "LEGAL_AID_LAWYER", "panelLawyer", "lawyer-khi-1", "on", today().toString()))
                    .then().statusCode(201).extract().path("id"));
            post(lo, file(caseId) + "/trial", trial(today().minusDays(30))).then().statusCode(201);
            hearing = UUID.fromString(post(lo, file(caseId) + "/hearings", Map.of("on", today().minusDays(1).toString(),
                    "purpose", "PROSECUTION_EVIDENCE")).then().statusCode(201).extract().path("id"));
        }
        if (progress.compareTo(Progress.DECIDED) >= 0) {
            post(lo, file(caseId) + "/verdict", conviction(today())).then().statusCode(201);
        }
        if (progress.compareTo(Progress.APPEALED) >= 0) {
            appeal = UUID.fromString(post(lo, file(caseId) + "/appeals", Map.of("filedBy", "CONVICT", "court",
                    "Sindh High Court, Karachi", "filedOn", today().toString())).then().statusCode(201).extract().path("id"));
        }
        return new Fixture(caseId, representation, hearing, appeal);
    }

    public static Map<String, Object> firRegistered(Instant at) {
        return Map.of("policeStation", "ps-khi-women-saddar", "firNumber", "FIR-" + (100 + (int) (Math.random() * 800))
                + "/2026", "registeredAt", at.toString(), "sections", List.of("PPC_376", "PECA_24"), "officer",
                "SI Rukhsana Bibi");
    }

    public static Map<String, Object> trial(LocalDate reachedCourtOn) {
        return Map.of("court", "Special Court (Anti-Rape), Karachi South", "courtCaseNumber",
                "SC-AR-" + (10 + (int) (Math.random() * 80)) + "/2026", "judge", "Judge A. Memon", "inCamera", true,
                "reachedCourtOn", reachedCourtOn.toString());
    }

    public static Map<String, Object> conviction(LocalDate on) {
        return Map.of("outcome", "CONVICTED", "sections", List.of("PPC_376"), "sentence",
                "Imprisonment for life and a fine", "decidedOn", on.toString());
    }
}
