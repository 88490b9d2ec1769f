package org.arcc.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What an intake must agree with itself on, beyond each field's own type. */
public final class IntakeRules {

    /** Cells keep Pakistan Standard Time: an incident on the evening of the 14th PKT is the 14th, whatever UTC says. */
    public static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    /** Incident dates before this are typing errors, not history. */
    static final LocalDate EARLIEST_INCIDENT = LocalDate.of(1900, 1, 1);

    /** A rule an intake broke, named by the request field it is about. */
    public record Violation(String field, String message) {
    }

    private IntakeRules() {
    }

    /** Every rule the values break; empty when they agree. Nulls are unknowns and break nothing. */
    public static List<Violation> check(AgeBand ageBand, Instant arrivedAt, LocalDate incidentDate,
            Collection<Vulnerability> vulnerabilities) {
        List<Violation> broken = new ArrayList<>();
        if (incidentDate != null) {
            if (arrivedAt != null && incidentDate.isAfter(arrivedAt.atZone(PAKISTAN).toLocalDate())) {
                broken.add(new Violation("incidentDate", "must not be after the day of arrival"));
            }
            if (incidentDate.isBefore(EARLIEST_INCIDENT)) {
                broken.add(new Violation("incidentDate", "must not be before 1900"));
            }
        }
        if (vulnerabilities != null && vulnerabilities.contains(Vulnerability.UNACCOMPANIED_CHILD) && ageBand != null
                && !ageBand.isChild() && ageBand != AgeBand.UNKNOWN) {
            broken.add(new Violation("vulnerabilities", "UNACCOMPANIED_CHILD needs a child's age band (or UNKNOWN)"));
        }
        return broken;
    }
}
