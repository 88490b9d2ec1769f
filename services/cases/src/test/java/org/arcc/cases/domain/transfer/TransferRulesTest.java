package org.arcc.cases.domain.transfer;

import static org.arcc.cases.domain.ASurvivorCase.KHI;
import static org.arcc.cases.domain.ASurvivorCase.LHE;
import static org.arcc.cases.domain.ASurvivorCase.NOW;
import static org.arcc.cases.domain.DecisionAssertions.refused;
import static org.arcc.cases.domain.DecisionAssertions.taken;
import static org.assertj.core.api.Assertions.assertThat;

import org.arcc.cases.domain.ASurvivorCase;
import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.CaseTransfer;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.testing.UnitTest;
import org.arcc.vocabulary.ProblemType;
import org.junit.jupiter.api.Test;

/** Moving a case between cells without a database: proposal, acceptance, refusal. */
@UnitTest
class TransferRulesTest {

    private static final TransferRules.Known LAHORE_EXISTS = new TransferRules.Known(true, false);

    private static CaseTransfer proposedToLahore(SurvivorCase c) {
        return taken(TransferRules.propose(c, LHE, LAHORE_EXISTS, "case-worker-khi", NOW));
    }

    @Test
    void theOwningCellProposesAMoveToAnotherCell() {
        SurvivorCase c = ASurvivorCase.inKarachi().build();

        CaseTransfer transfer = proposedToLahore(c);

        assertThat(transfer.caseId).isEqualTo(c.id);
        assertThat(transfer.fromCell).isEqualTo(KHI);
        assertThat(transfer.toCell).isEqualTo(LHE);
        assertThat(transfer.status).isEqualTo(CaseTransfer.Status.PROPOSED);
        assertThat(transfer.proposedAt).isEqualTo(NOW);
        assertThat(c.cellCode).as("a proposal does not move the case").isEqualTo(KHI);
    }

    @Test
    void aTransferGoesToAnotherExistingCell() {
        SurvivorCase c = ASurvivorCase.inKarachi().build();

        refused(TransferRules.propose(c, "XYZ", new TransferRules.Known(false, false), "w", NOW), ProblemType.VALIDATION,
                "There is no cell XYZ");
        refused(TransferRules.propose(c, KHI, LAHORE_EXISTS, "w", NOW), ProblemType.VALIDATION,
                "already belongs to KHI");
    }

    @Test
    void aClosedCaseIsNotTransferred() {
        refused(TransferRules.propose(ASurvivorCase.inKarachi().in(CaseStatus.CLOSED).build(), LHE, LAHORE_EXISTS, "w",
                NOW), ProblemType.CONFLICT, "A closed case is not transferred");
    }

    @Test
    void aCaseHasOneTransferWaitingAtMost() {
        refused(TransferRules.propose(ASurvivorCase.inKarachi().build(), LHE, new TransferRules.Known(true, true), "w",
                NOW), ProblemType.CONFLICT, "already has a transfer waiting");
    }

    @Test
    void onAcceptanceTheCaseBelongsToTheReceivingCell() {
        SurvivorCase c = ASurvivorCase.inKarachi().build();
        CaseTransfer transfer = proposedToLahore(c);

        taken(TransferRules.accept(transfer, c, "supervisor-lhe", NOW.plusSeconds(600)));

        assertThat(transfer.status).isEqualTo(CaseTransfer.Status.ACCEPTED);
        assertThat(transfer.decidedBy).isEqualTo("supervisor-lhe");
        assertThat(c.cellCode).isEqualTo(LHE);
    }

    @Test
    void aDeclinedTransferLeavesTheCaseWhereItIs() {
        SurvivorCase c = ASurvivorCase.inKarachi().build();
        CaseTransfer transfer = proposedToLahore(c);

        taken(TransferRules.decline(transfer, "supervisor-lhe", NOW.plusSeconds(600)));

        assertThat(transfer.status).isEqualTo(CaseTransfer.Status.DECLINED);
        assertThat(c.cellCode).isEqualTo(KHI);
    }

    @Test
    void aTransferIsDecidedOnce() {
        SurvivorCase c = ASurvivorCase.inKarachi().build();
        CaseTransfer transfer = proposedToLahore(c);
        taken(TransferRules.decline(transfer, "supervisor-lhe", NOW));

        refused(TransferRules.accept(transfer, c, "supervisor-lhe", NOW), ProblemType.CONFLICT, "already declined");
        assertThat(c.cellCode).isEqualTo(KHI);
    }
}
