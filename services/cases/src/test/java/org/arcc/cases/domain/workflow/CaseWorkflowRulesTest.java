package org.arcc.cases.domain.workflow;

import static org.arcc.cases.domain.ASurvivorCase.NOW;
import static org.arcc.cases.domain.DecisionAssertions.refused;
import static org.arcc.cases.domain.DecisionAssertions.taken;
import static org.assertj.core.api.Assertions.assertThat;

import org.arcc.cases.domain.ASurvivorCase;
import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.Decision;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.domain.workflow.CaseWorkflow.Moved;
import org.arcc.testing.UnitTest;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.Role;
import org.junit.jupiter.api.Test;

/** The workflow rules without a database: each move is checked, changes the case and says what happened. */
@UnitTest
class CaseWorkflowRulesTest {

    private static final CaseWorkflow.Actor CASE_WORKER = new CaseWorkflow.Actor("case-worker-khi", false);
    private static final CaseWorkflow.Actor SUPERVISOR = new CaseWorkflow.Actor("supervisor-khi", true);

    private static Decision<Moved> move(SurvivorCase c, CaseWorkflow.Actor actor, CaseStatus target, String reason) {
        return CaseWorkflow.move(c, actor, new CaseWorkflow.Move(target, reason, null), NOW);
    }

    @Test
    void aCaseMovesOneStepAtATime() {
        SurvivorCase c = ASurvivorCase.inKarachi().build();

        Moved moved = taken(move(c, CASE_WORKER, CaseStatus.ASSESSMENT, null));

        assertThat(moved).isEqualTo(new Moved(CaseStatus.INTAKE, CaseStatus.ASSESSMENT, false, null));
        assertThat(c.status).isEqualTo(CaseStatus.ASSESSMENT);
        assertThat(c.closedAt).isNull();
    }

    @Test
    void aStepCannotBeSkipped() {
        SurvivorCase c = ASurvivorCase.inKarachi().build();

        refused(move(c, CASE_WORKER, CaseStatus.ACTION_PLAN, null), ProblemType.CONFLICT,
                "A case in INTAKE cannot move to ACTION_PLAN");
        assertThat(c.status).isEqualTo(CaseStatus.INTAKE);
    }

    @Test
    void aStaleVersionIsRefusedBeforeAnythingElse() {
        SurvivorCase c = ASurvivorCase.inKarachi().atVersion(4).build();

        refused(CaseWorkflow.move(c, CASE_WORKER, new CaseWorkflow.Move(CaseStatus.ASSESSMENT, null, 3L), NOW),
                ProblemType.PRECONDITION_FAILED, "at version 4, not 3");
        assertThat(taken(CaseWorkflow.move(c, CASE_WORKER, new CaseWorkflow.Move(CaseStatus.ASSESSMENT, null, 4L), NOW))
                .to()).isEqualTo(CaseStatus.ASSESSMENT);
    }

    @Test
    void onlyTheSupervisorClosesACase() {
        SurvivorCase c = ASurvivorCase.inKarachi().in(CaseStatus.FOLLOW_UP).build();

        refused(move(c, CASE_WORKER, CaseStatus.CLOSED, null), ProblemType.FORBIDDEN,
                "Only the cell supervisor approves a closure");
        assertThat(c.status).isEqualTo(CaseStatus.FOLLOW_UP);

        Moved moved = taken(move(c, SUPERVISOR, CaseStatus.CLOSED, null));
        assertThat(moved.closed()).isTrue();
        assertThat(c.status).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.closedAt).isEqualTo(NOW);
    }

    @Test
    void onlyTheSupervisorReopensAClosedCase() {
        SurvivorCase c = ASurvivorCase.inKarachi().in(CaseStatus.CLOSED).build();

        refused(move(c, CASE_WORKER, CaseStatus.ASSESSMENT, "new evidence"), ProblemType.FORBIDDEN,
                "Only the cell supervisor reopens a case");
        assertThat(c.status).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void aReopeningNeedsAReasonAndIsRecordedWithIt() {
        SurvivorCase c = ASurvivorCase.inKarachi().in(CaseStatus.CLOSED).build();

        refused(move(c, SUPERVISOR, CaseStatus.ASSESSMENT, "  "), ProblemType.VALIDATION, "needs a reason");
        assertThat(c.status).isEqualTo(CaseStatus.CLOSED);

        Moved moved = taken(move(c, SUPERVISOR, CaseStatus.ASSESSMENT, "  The survivor came back  "));
        assertThat(moved.reopening()).isEqualTo(new CaseWorkflow.Reopening("supervisor-khi", Role.CELL_SUPERVISOR, NOW,
                "The survivor came back"));
        assertThat(c.status).isEqualTo(CaseStatus.ASSESSMENT);
        assertThat(c.closedAt).isNull();
    }

    @Test
    void aClosedCaseReopensIntoAssessmentOnly() {
        SurvivorCase c = ASurvivorCase.inKarachi().in(CaseStatus.CLOSED).build();

        refused(move(c, SUPERVISOR, CaseStatus.FOLLOW_UP, "why"), ProblemType.CONFLICT, "cannot move to FOLLOW_UP");
    }
}
