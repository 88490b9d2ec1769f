package org.arcc.cases.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.arcc.cases.domain.AgeBand;
import org.arcc.cases.domain.IntakeChannel;

/** Body of {@code POST /api/v1/cases}. The cell is the caller's own, from the token. */
public record OpenCaseRequest(
        @NotNull IntakeChannel channel,
        @NotNull AgeBand ageBand,
        @NotNull @PastOrPresent Instant arrivedAt) {
}
