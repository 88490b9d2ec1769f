package org.arcc.cases.domain.medicolegal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs every {@link ReportCheck} over a report; pure, so each rule is tested in milliseconds. */
public final class ReportChecks {

    /** The limit from arrival to the start of the examination. */
    public static final Duration EXAM_LIMIT = Duration.ofHours(6);

    /** How far ahead of the server's clock a time may lie (clocks of the devices staff use drift). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private ReportChecks() {
    }

    /** Everything the checks found, in the order of {@link ReportCheck}; empty when the report may be signed. */
    public static List<CheckFinding> run(ReportContent report, CheckContext context) {
        List<CheckFinding> found = new ArrayList<>();
        requiredFields(report, found);
        consent(report, context, found);
        times(report, context, found);
        samples(report, context, found);
        collectedItems(report, context, found);
        sixHours(report, context, found);
        text(report, found);
        absenceOfInjury(report, found);
        opinion(report, found);
        return found;
    }

    private static void requiredFields(ReportContent r, List<CheckFinding> found) {
        List<String> missing = new ArrayList<>();
        ReportContent.Examination e = r.examination();
        if (blank(r.survivorInitials())) {
            missing.add("survivorInitials");
        }
        if (e == null) {
            missing.add("examination");
        } else {
            if (e.startedAt() == null) {
                missing.add("examination.startedAt");
            }
            if (e.endedAt() == null) {
                missing.add("examination.endedAt");
            }
            if (blank(e.place())) {
                missing.add("examination.place");
            }
            if (blank(e.officerName())) {
                missing.add("examination.officerName");
            }
            if (e.femaleOfficer() == null) {
                missing.add("examination.femaleOfficer");
            }
            if (e.consentId() == null) {
                missing.add("examination.consentId");
            }
        }
        if (blank(r.history())) {
            missing.add("history");
        }
        if (r.hoursSinceIncident() == null) {
            missing.add("hoursSinceIncident");
        }
        if (blank(r.generalFindings())) {
            missing.add("generalFindings");
        }
        if (r.treatment() == null || r.treatment().pregnancyTest() == null
                || r.treatment().emergencyContraception() == null || r.treatment().stiProphylaxis() == null
                || r.treatment().hivPep() == null) {
            missing.add("treatment");
        }
        if (r.opinion() == null) {
            missing.add("opinion");
        }
        if (!missing.isEmpty()) {
            found.add(new CheckFinding(ReportCheck.REQUIRED_FIELDS, "Missing: " + String.join(", ", missing)));
        }
    }

    private static void consent(ReportContent r, CheckContext context, List<CheckFinding> found) {
        UUID consentId = r.examination() == null ? null : r.examination().consentId();
        if (consentId != null && !context.examConsents().contains(consentId)) {
            found.add(new CheckFinding(ReportCheck.CONSENT_ON_RECORD, "examination.consentId " + consentId
                    + " is not a standing MEDICAL_EXAM or EVIDENCE_COLLECTION consent of this case"));
        }
    }

    private static void times(ReportContent r, CheckContext context, List<CheckFinding> found) {
        List<String> wrong = new ArrayList<>();
        Instant latest = context.now().plus(CLOCK_SKEW);
        ReportContent.Examination e = r.examination();
        Instant started = e == null ? null : e.startedAt();
        if (started != null && started.isBefore(context.arrivedAt())) {
            wrong.add("examination.startedAt is before the survivor's arrival at the cell");
        }
        if (started != null && e.endedAt() != null && !e.endedAt().isAfter(started)) {
            wrong.add("examination.endedAt is not after examination.startedAt");
        }
        if (e != null && (after(e.startedAt(), latest) || after(e.endedAt(), latest))) {
            wrong.add("an examination time is in the future");
        }
        for (int i = 0; i < r.samples().size(); i++) {
            Instant sealed = r.samples().get(i).sealedAt();
            if (sealed == null) {
                wrong.add("samples[" + i + "].sealedAt is missing");
            } else if (started != null && sealed.isBefore(started)) {
                wrong.add("samples[" + i + "].sealedAt is before the examination started");
            } else if (sealed.isAfter(latest)) {
                wrong.add("samples[" + i + "].sealedAt is in the future");
            }
        }
        if (!wrong.isEmpty()) {
            found.add(new CheckFinding(ReportCheck.TIMES_CONSISTENT, String.join("; ", wrong)));
        }
    }

    private static void samples(ReportContent r, CheckContext context, List<CheckFinding> found) {
        Map<UUID, RegisteredItem> items = context.items().stream()
                .collect(Collectors.toMap(RegisteredItem::itemId, Function.identity(), (a, b) -> a));
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < r.samples().size(); i++) {
            ReportContent.Sample s = r.samples().get(i);
            RegisteredItem item = items.get(s.evidenceItemId());
            if (item == null) {
                wrong.add("samples[" + i + "] is not an evidence item registered for this case");
            } else if (s.kitNumber() != null && !s.kitNumber().equals(item.kitNumber())) {
                wrong.add("samples[" + i + "].kitNumber is not the kit number registered for item " + item.itemId()
                        + " (" + item.kitNumber() + ")");
            } else if (item.sealedAt() != null && s.sealedAt() != null && !item.sealedAt().equals(s.sealedAt())) {
                wrong.add("samples[" + i + "].sealedAt differs from the seal time in the custody log ("
                        + item.sealedAt() + ")");
            }
        }
        for (int i = 0; i < r.injuries().size(); i++) {
            ReportContent.Injury injury = r.injuries().get(i);
            if (injury.photographed() && (injury.photoItemId() == null || !items.containsKey(injury.photoItemId()))) {
                wrong.add("injuries[" + i + "] is photographed, but its photograph is not an evidence item registered "
                        + "for this case");
            }
        }
        if (!wrong.isEmpty()) {
            found.add(new CheckFinding(ReportCheck.SAMPLES_REGISTERED, String.join("; ", wrong)));
        }
    }

    private static void collectedItems(ReportContent r, CheckContext context, List<CheckFinding> found) {
        Set<UUID> reported = new java.util.HashSet<>();
        r.samples().forEach(s -> reported.add(s.evidenceItemId()));
        r.injuries().stream().map(ReportContent.Injury::photoItemId).filter(Objects::nonNull).forEach(reported::add);
        List<String> missing = context.items().stream().filter(RegisteredItem::collectedAtExamination)
                .filter(item -> !reported.contains(item.itemId()))
                .map(item -> item.kitNumber() + " (" + item.itemType() + ")").toList();
        if (!missing.isEmpty()) {
            found.add(new CheckFinding(ReportCheck.COLLECTED_ITEMS_REPORTED,
                    "Collected for this case but not in the report: " + String.join(", ", missing)));
        }
    }

    private static void sixHours(ReportContent r, CheckContext context, List<CheckFinding> found) {
        Instant started = r.examination() == null ? null : r.examination().startedAt();
        if (started != null && Duration.between(context.arrivedAt(), started).compareTo(EXAM_LIMIT) > 0
                && blank(r.sixHourBreachReason())) {
            found.add(new CheckFinding(ReportCheck.SIX_HOUR_LIMIT, "The examination began "
                    + Duration.between(context.arrivedAt(), started).toMinutes() + " minutes after arrival; "
                    + "sixHourBreachReason is missing"));
        }
    }

    private static void text(ReportContent r, List<CheckFinding> found) {
        List<String> forbidden = new ArrayList<>();
        List<String> history = new ArrayList<>();
        r.freeText().forEach((field, text) -> {
            ProhibitedTextScreen.forbiddenTest(text).ifPresent(p -> forbidden.add(field + " mentions \"" + p + "\""));
            ProhibitedTextScreen.sexualHistory(text).ifPresent(p -> history.add(field + " mentions \"" + p + "\""));
        });
        if (!forbidden.isEmpty()) {
            found.add(new CheckFinding(ReportCheck.FORBIDDEN_TEST_MENTIONED, String.join("; ", forbidden)));
        }
        if (!history.isEmpty()) {
            found.add(new CheckFinding(ReportCheck.SEXUAL_HISTORY_MENTIONED, String.join("; ", history)));
        }
    }

    private static void absenceOfInjury(ReportContent r, List<CheckFinding> found) {
        if (r.injuries().isEmpty() && !Boolean.TRUE.equals(r.absenceOfInjuryStatement())) {
            found.add(new CheckFinding(ReportCheck.ABSENCE_OF_INJURY_STATED, "No injuries are recorded and "
                    + "absenceOfInjuryStatement is not made"));
        }
    }

    private static void opinion(ReportContent r, List<CheckFinding> found) {
        if (r.opinion() == ExamOpinion.FINDINGS_CONSISTENT_WITH_HISTORY && r.injuries().isEmpty()) {
            found.add(new CheckFinding(ReportCheck.OPINION_WITHIN_FINDINGS, "The opinion is FINDINGS_CONSISTENT_WITH_"
                    + "HISTORY but no injury or finding is recorded to rest it on"));
        }
        if (r.opinion() == ExamOpinion.NO_OPINION_PENDING_RESULTS && r.awaited().isEmpty()) {
            found.add(new CheckFinding(ReportCheck.OPINION_WITHIN_FINDINGS, "The opinion awaits results but "
                    + "awaited names none"));
        }
        if (r.opinion() == ExamOpinion.NO_OPINION_PENDING_RESULTS && r.samples().isEmpty()) {
            found.add(new CheckFinding(ReportCheck.OPINION_WITHIN_FINDINGS, "The opinion awaits results but "
                    + "no sample was taken"));
        }
    }

    private static boolean after(Instant time, Instant latest) {
        return time != null && time.isAfter(latest);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
