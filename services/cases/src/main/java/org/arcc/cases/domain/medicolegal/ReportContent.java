package org.arcc.cases.domain.medicolegal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a medico-legal report says, as the examining officer writes it. Everything may be missing in a draft: the
 * checks ({@link ReportChecks}) say what signing needs. There is no field for a virginity, two-finger or hymen
 * test: the law forbids them, so the form has no place for one.
 *
 * <p>The whole content is sealed under the report's data key at rest, since history, findings and the people
 * present are free text typed by staff; the clear columns next to it hold only codes and times.
 *
 * @param survivorInitials          how the report and its PDF name the survivor (courts name a survivor by initials)
 * @param examination               when, where, by whom, with whom present, on which consent
 * @param sixHourBreachReason       why the examination began more than 6 hours after arrival, when it did
 * @param history                   the history as given by the survivor (or guardian)
 * @param hoursSinceIncident        time from the incident to the examination, as far as known
 * @param generalFindings           general examination findings
 * @param systemicFindings          systemic examination findings
 * @param injuries                  each injury on the body map
 * @param absenceOfInjuryStatement  the report states that absence of injury does not exclude sexual violence
 * @param samples                   samples taken, each an evidence item registered in the evidence service
 * @param treatment                 tests and treatment offered and given
 * @param opinion                   the opinion, in structured terms
 * @param awaited                   results the opinion awaits
 */
public record ReportContent(
        @Size(max = 8) @Pattern(regexp = "^[\\p{L}. ]{1,8}$") String survivorInitials,
        @Valid Examination examination,
        @Size(max = 2000) String sixHourBreachReason,
        @Size(max = 8000) String history,
        @Min(0) @Max(87600) Integer hoursSinceIncident,
        @Size(max = 8000) String generalFindings,
        @Size(max = 8000) String systemicFindings,
        @Size(max = 100) List<@NotNull @Valid Injury> injuries,
        Boolean absenceOfInjuryStatement,
        @Size(max = 50) List<@NotNull @Valid Sample> samples,
        @Valid TestsAndTreatment treatment,
        ExamOpinion opinion,
        @Size(max = 10) List<@NotNull AwaitedResult> awaited) {

    public ReportContent {
        injuries = injuries == null ? List.of() : List.copyOf(injuries);
        samples = samples == null ? List.of() : List.copyOf(samples);
        awaited = awaited == null ? List.of() : List.copyOf(awaited);
    }

    /**
     * @param startedAt     when the examination began
     * @param endedAt       when it ended
     * @param place         where (facility and room)
     * @param officerName   the examining medical officer, as they sign
     * @param femaleOfficer whether the examining officer is a woman (a female survivor is examined by one)
     * @param othersPresent who else was present (e.g. "mother", "staff nurse"), never a free account
     * @param consentId     the case's consent of purpose MEDICAL_EXAM or EVIDENCE_COLLECTION the examination rests on
     */
    public record Examination(Instant startedAt, Instant endedAt, @Size(max = 200) String place,
            @Size(max = 200) String officerName, Boolean femaleOfficer,
            @Size(max = 10) List<@NotNull @Size(max = 100) String> othersPresent, UUID consentId) {

        public Examination {
            othersPresent = othersPresent == null ? List.of() : List.copyOf(othersPresent);
        }

        @Override
        public String toString() {
            return "Examination[" + startedAt + ".." + endedAt + ", text redacted]";
        }
    }

    /**
     * One injury on the body map.
     *
     * @param photographed whether it was photographed; a photograph is an evidence item ({@code photoItemId})
     */
    public record Injury(@NotNull BodyRegion region, @NotNull InjuryKind kind,
            @DecimalMin("0.0") @DecimalMax("200.0") Double lengthCm, @DecimalMin("0.0") @DecimalMax("200.0") Double widthCm,
            @Size(max = 200) String colourAndAge, boolean photographed, UUID photoItemId) {

        @Override
        public String toString() {
            return "Injury[" + region + ", " + kind + "]";
        }
    }

    /**
     * A sample taken, as the evidence service registered it.
     *
     * @param evidenceItemId the evidence item
     * @param kitNumber      its printed kit number, as on the seal
     * @param sealedAt       when it was sealed
     */
    public record Sample(@NotNull UUID evidenceItemId, @Size(max = 40) String kitNumber, Instant sealedAt) {
    }

    public record TestsAndTreatment(PregnancyTest pregnancyTest, CareGiven emergencyContraception,
            CareGiven stiProphylaxis, CareGiven hivPep) {
    }

    /** Every free text of the report, named, for the screens that read text. */
    public java.util.Map<String, String> freeText() {
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        text.put("history", history);
        text.put("generalFindings", generalFindings);
        text.put("systemicFindings", systemicFindings);
        text.put("sixHourBreachReason", sixHourBreachReason);
        if (examination != null) {
            text.put("examination.place", examination.place());
            for (int i = 0; i < examination.othersPresent().size(); i++) {
                text.put("examination.othersPresent[" + i + "]", examination.othersPresent().get(i));
            }
        }
        for (int i = 0; i < injuries.size(); i++) {
            text.put("injuries[" + i + "].colourAndAge", injuries.get(i).colourAndAge());
        }
        text.values().removeIf(v -> v == null || v.isBlank());
        return text;
    }

    @Override
    public String toString() {
        return "ReportContent[" + injuries.size() + " injuries, " + samples.size() + " samples, opinion " + opinion
                + ", text redacted]";
    }
}
