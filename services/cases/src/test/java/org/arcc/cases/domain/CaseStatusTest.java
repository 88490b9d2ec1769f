package org.arcc.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/** The workflow's order ({@link CaseStatus#canMoveTo}): one step forward at a time; a closed case reopens into assessment. */
@UnitTest
class CaseStatusTest {

    @Test
    void aCaseMovesOneStepForwardAndNoOther() {
        CaseStatus[] order = CaseStatus.values();
        for (CaseStatus from : order) {
            if (from == CaseStatus.CLOSED) {
                continue;
            }
            for (CaseStatus to : order) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(to.ordinal() == from.ordinal() + 1);
            }
        }
    }

    @Test
    void aClosedCaseOnlyReopensIntoAssessment() {
        assertThat(Arrays.stream(CaseStatus.values()).filter(CaseStatus.CLOSED::canMoveTo))
                .containsExactly(CaseStatus.ASSESSMENT);
    }

    @Test
    void noStepIsSkippedNorTakenBack() {
        assertThat(CaseStatus.INTAKE.canMoveTo(CaseStatus.ACTION_PLAN)).isFalse();
        assertThat(CaseStatus.FOLLOW_UP.canMoveTo(CaseStatus.IMPLEMENTATION)).isFalse();
        assertThat(CaseStatus.INTAKE.canMoveTo(CaseStatus.CLOSED)).isFalse();
    }
}
