package org.arcc.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.arcc.cases.domain.AgeBand;
import org.arcc.cases.domain.Disability;
import org.arcc.cases.domain.IncidentCategory;
import org.arcc.cases.domain.IntakeChannel;
import org.arcc.cases.domain.LegalSection;
import org.arcc.cases.domain.SexGender;
import org.arcc.cases.domain.Vulnerability;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;

/**
 * Body of {@code POST /api/v1/cases}. The cell is the caller's own, from the token. Channel, age band and arrival
 * are always known at the door; the rest may not be yet (a survivor in shock, a child who cannot say): an
 * unrecorded sex/gender is {@code NOT_STATED}, an unknown incident date or a case not yet classified is null,
 * and no flags is an empty list. The incident date may not lie after the day of arrival (which itself may not lie
 * in the future).
 */
@ConsistentIntake
public record OpenCaseRequest(
        @NotNull IntakeChannel channel,
        @NotNull AgeBand ageBand,
        @NotNull @PastOrPresent Instant arrivedAt,
        SexGender sexGender,
        // A day, not a time: a date-time here is refused rather than cut to its UTC day.
        @JsonFormat(lenient = OptBoolean.FALSE) LocalDate incidentDate,
        IncidentCategory incidentType,
        @Size(max = 20) List<@NotNull LegalSection> legalSections,
        @Size(max = 20) List<@NotNull Disability> disabilities,
        @Size(max = 20) List<@NotNull Vulnerability> vulnerabilities) {
}
