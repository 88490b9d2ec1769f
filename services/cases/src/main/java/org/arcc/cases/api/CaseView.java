package org.arcc.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.service.Workflow;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A case as staff of its cell see it: reference, codes (intake classification and flags included), times and
 * deadlines, no identity. A single case also lists its reopenings (when, by whom, why); list items leave them out.
 */
public record CaseView(UUID id, String reference, String cell, String channel, String ageBand, boolean child,
        String sexGender, LocalDate incidentDate, String incidentType, List<String> legalSections,
        List<String> disabilities, List<String> vulnerabilities, String status, Instant arrivedAt, Instant openedAt,
        Instant closedAt, List<DeadlineView> deadlines,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ReopeningView> reopenings, long version) {

    /** A reopening of the case; {@code reason} is null for roles that do not read notes. */
    public record ReopeningView(Instant reopenedAt, String reopenedBy, String reopenedByRole, String reason) {
    }

    /** A deadline of the case: {@code PENDING}, {@code MET} or {@code BREACHED}. */
    public record DeadlineView(String deadline, Instant dueAt, Instant metAt, String status) {
    }

    private static List<String> names(List<? extends Enum<?>> codes) {
        return codes.stream().map(Enum::name).toList();
    }

    static CaseView of(SurvivorCase c) {
        return of(c, null);
    }

    static CaseView of(SurvivorCase c, List<Workflow.Reopened> reopenings) {
        Instant now = Instant.now();
        String exam = c.examDoneAt != null ? (c.examDeadlineBreached(now) ? "BREACHED" : "MET")
                : (c.examDeadlineBreached(now) ? "BREACHED" : "PENDING");
        return new CaseView(c.id, c.reference, c.cellCode, c.channel.name(), c.ageBand.name(), c.ageBand.isChild(),
                c.sexGender.name(), c.incidentDate, c.incidentType == null ? null : c.incidentType.name(),
                names(c.legalSectionList()), names(c.disabilityList()), names(c.vulnerabilityList()), c.status.name(), c.arrivedAt, c.openedAt, c.closedAt,
                List.of(new DeadlineView("MEDICO_LEGAL_EXAM", c.examDueAt, c.examDoneAt, exam)),
                reopenings == null ? null : reopenings.stream().map(r -> new ReopeningView(r.reopenedAt(),
                        r.reopenedBy(), r.reopenedByRole(), r.reason())).toList(),
                c.version);
    }
}
