package org.arcc.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Object Mother for case records in the rules' unit tests (no database): {@code ASurvivorCase.inKarachi().child()
 * .in(CaseStatus.CLOSED).build()}. A bare case is an adult's, in intake, in Karachi, at version 0.
 */
public final class ASurvivorCase {

    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    public static final String KHI = "KHI";
    public static final String LHE = "LHE";

    private final SurvivorCase c = new SurvivorCase();

    private ASurvivorCase(String cell) {
        c.id = UUID.randomUUID();
        c.reference = cell + "-2026-000001";
        c.cellCode = cell;
        c.channel = IntakeChannel.WALK_IN;
        c.ageBand = AgeBand.ADULT_25_59;
        c.sexGender = SexGender.values()[0];
        c.status = CaseStatus.INTAKE;
        c.arrivedAt = NOW.minus(Duration.ofHours(1));
        c.openedAt = c.arrivedAt;
        c.openedBy = "case-worker-khi";
        c.examDueAt = c.arrivedAt.plus(Duration.ofHours(6));
    }

    public static ASurvivorCase inKarachi() {
        return new ASurvivorCase(KHI);
    }

    public ASurvivorCase aged(AgeBand band) {
        c.ageBand = band;
        return this;
    }

    public ASurvivorCase in(CaseStatus status) {
        c.status = status;
        c.closedAt = status == CaseStatus.CLOSED ? NOW.minus(Duration.ofDays(3)) : null;
        return this;
    }

    public ASurvivorCase atVersion(long version) {
        c.version = version;
        return this;
    }

    public SurvivorCase build() {
        return c;
    }
}
