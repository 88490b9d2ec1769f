package org.arcc.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** What an intake must agree with itself on ({@link IntakeRules}), without Quarkus or a database. */
@UnitTest
class IntakeRulesTest {

    /** 20:00 on 14 March in UTC is already 01:00 on the 15th in Pakistan. */
    private static final Instant ARRIVED = Instant.parse("2026-03-14T20:00:00Z");

    @Test
    void anIncidentOnTheDayOfArrivalInPakistanIsAcceptedThoughUtcIsStillTheDayBefore() {
        assertThat(IntakeRules.check(AgeBand.ADULT_18_24, ARRIVED, LocalDate.of(2026, 3, 15), Set.of())).isEmpty();
    }

    @Test
    void anIncidentAfterTheDayOfArrivalIsRefusedByField() {
        assertThat(IntakeRules.check(AgeBand.ADULT_18_24, ARRIVED, LocalDate.of(2026, 3, 16), Set.of()))
                .extracting(IntakeRules.Violation::field).containsExactly("incidentDate");
    }

    @Test
    void anIncidentBefore1900IsATypingError() {
        assertThat(IntakeRules.check(null, null, LocalDate.of(1899, 12, 31), null))
                .extracting(IntakeRules.Violation::field).containsExactly("incidentDate");
        assertThat(IntakeRules.check(null, null, LocalDate.of(1900, 1, 1), null)).isEmpty();
    }

    @Test
    void anUnaccompaniedChildNeedsAChildsAgeBandOrUnknown() {
        Set<Vulnerability> unaccompanied = Set.of(Vulnerability.UNACCOMPANIED_CHILD);
        assertThat(IntakeRules.check(AgeBand.ADULT_25_59, null, null, unaccompanied))
                .extracting(IntakeRules.Violation::field).containsExactly("vulnerabilities");
        assertThat(IntakeRules.check(AgeBand.CHILD_12_17, null, null, unaccompanied)).isEmpty();
        assertThat(IntakeRules.check(AgeBand.UNKNOWN, null, null, unaccompanied)).isEmpty();
        assertThat(IntakeRules.check(null, null, null, unaccompanied)).isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamedNotOnlyTheFirst() {
        List<IntakeRules.Violation> broken = IntakeRules.check(AgeBand.ADULT_60_PLUS, ARRIVED, LocalDate.of(2027, 1, 1),
                Set.of(Vulnerability.UNACCOMPANIED_CHILD));
        assertThat(broken).extracting(IntakeRules.Violation::field).containsExactly("incidentDate", "vulnerabilities");
    }
}
