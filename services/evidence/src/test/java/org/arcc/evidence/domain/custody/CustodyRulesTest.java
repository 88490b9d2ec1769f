package org.arcc.evidence.domain.custody;

import static org.arcc.evidence.domain.custody.AnItem.COURT;
import static org.arcc.evidence.domain.custody.AnItem.KHI;
import static org.arcc.evidence.domain.custody.AnItem.KHI_LEGAL_OFFICER;
import static org.arcc.evidence.domain.custody.AnItem.KHI_STAFF;
import static org.arcc.evidence.domain.custody.AnItem.LAB;
import static org.arcc.evidence.domain.custody.AnItem.NOW;
import static org.arcc.evidence.domain.custody.AnItem.POLICE;
import static org.arcc.evidence.domain.custody.AnItem.THE_COURT;
import static org.arcc.evidence.domain.custody.AnItem.THE_LAB;
import static org.arcc.evidence.domain.custody.AnItem.THE_POLICE;
import static org.arcc.evidence.domain.custody.AnItem.custody;
import static org.arcc.evidence.domain.custody.AnItem.heldBy;
import static org.arcc.evidence.domain.custody.AnItem.heldByTheCell;
import static org.arcc.evidence.domain.custody.AnItem.onItsWayTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.arcc.vocabulary.ProblemType;
import org.arcc.evidence.domain.CustodyAction;
import org.arcc.evidence.domain.CustodyTransfer;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.evidence.domain.Stage;
import org.arcc.evidence.domain.custody.CustodyDecision.Anomaly;
import org.arcc.evidence.domain.custody.CustodyDecision.Recorded;
import org.arcc.evidence.domain.custody.CustodyDecision.Refused;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The custody rules without a database: each step is checked, changes the item and says what happened. */
@UnitTest
class CustodyRulesTest {

    private static final CustodyStep TO_POLICE = new CustodyStep.HandOver(CustodyAction.TRANSFERRED, POLICE.toString(),
            "badge 4411");
    private static final CustodyStep TO_LAB = new CustodyStep.HandOver(CustodyAction.TRANSFERRED, LAB.toString(),
            "TCS 77");

    private static CustodyDecision decide(ItemCustody custody, ItemCustody.Actor actor, CustodyStep step) {
        return custody.decide(actor, step, NOW, NOW);
    }

    private static Recorded recorded(CustodyDecision decision) {
        assertThat(decision).isInstanceOf(Recorded.class);
        return (Recorded) decision;
    }

    private static void refused(CustodyDecision decision, ProblemType type, String detailContains) {
        assertThat(decision).isInstanceOf(Refused.class);
        Refused refused = (Refused) decision;
        assertThat(refused.type()).isEqualTo(type);
        assertThat(refused.detail()).contains(detailContains);
    }

    @Nested
    class AnyStep {

        @Test
        void aStepMoreThanFiveMinutesAheadOfTheClockIsRefused() {
            EvidenceItem item = heldByTheCell();
            refused(custody(item).decide(KHI_STAFF, new CustodyStep.Seal("S-2"), NOW.plus(Duration.ofMinutes(6)), NOW),
                    ProblemType.VALIDATION, "at is in the future");
            assertThat(recorded(custody(item).decide(KHI_STAFF, new CustodyStep.Seal("S-2"),
                    NOW.plus(Duration.ofMinutes(4)), NOW)).action()).isEqualTo(CustodyAction.SEALED);
        }

        @Test
        void aDisposedItemTakesNoFurtherStep() {
            EvidenceItem item = heldBy(KHI, Stage.DISPOSED);
            refused(decide(custody(item), KHI_STAFF, new CustodyStep.Store("Room 2", null)), ProblemType.CONFLICT,
                    "was disposed of; its log is closed");
        }

        @Test
        void onlyTheHolderTakesAStep() {
            EvidenceItem item = heldBy(LAB, Stage.AT_LAB);
            refused(decide(custody(item), KHI_STAFF, new CustodyStep.Seal("S-2")), ProblemType.CONFLICT,
                    "Only the current holder of KHI-2026-000042 (custodian:pfsa-lhe) may seal it; you act for cell:KHI");
            assertThat(item.sealNumber).isEqualTo("S-1001");
        }

        @Test
        void aCellRoleThatDoesNotRecordCustodyIsForbidden() {
            refused(decide(custody(heldByTheCell()), KHI_LEGAL_OFFICER, new CustodyStep.Store("Room 2", null)),
                    ProblemType.FORBIDDEN, "Your role does not record custody");
        }

        @Test
        void actionsTheServiceRecordsItselfAreRefused() {
            for (CustodyAction action : new CustodyAction[] { CustodyAction.COLLECTED, CustodyAction.RELEASED_FOR_TESTING,
                    CustodyAction.RESTRICTED, CustodyAction.DISPOSAL_SCHEDULED }) {
                refused(decide(custody(heldByTheCell()), KHI_STAFF, new CustodyStep.RecordedByTheService(action)),
                        ProblemType.VALIDATION, action + " is recorded by the service itself");
            }
        }
    }

    @Nested
    class HandOver {

        @Test
        void theHolderHandsItOverAndTheItemIsInTransitUntilReceived() {
            EvidenceItem item = heldByTheCell();
            Recorded done = recorded(decide(custody(item), KHI_STAFF, TO_POLICE));
            assertThat(done.action()).isEqualTo(CustodyAction.TRANSFERRED);
            assertThat(done.details()).containsEntry("from", "cell:KHI").containsEntry("to", "custodian:police-khi")
                    .containsEntry("courier", "badge 4411").containsEntry("sealNumber", "S-1001");
            CustodyTransfer handover = done.handover();
            assertThat(handover.fromHolder).isEqualTo("cell:KHI");
            assertThat(handover.toHolder).isEqualTo("custodian:police-khi");
            assertThat(handover.sealNumber).isEqualTo("S-1001");
            assertThat(handover.received).isFalse();
            assertThat(item.stage).isEqualTo(Stage.IN_TRANSIT);
            assertThat(item.holder).as("the holder changes on receipt").isEqualTo("cell:KHI");
        }

        @Test
        void aHandoverNeedsAnAddresseeThatExists() {
            refused(decide(custody(heldByTheCell()), KHI_STAFF, new CustodyStep.HandOver(CustodyAction.TRANSFERRED,
                    null, null)), ProblemType.VALIDATION, "TRANSFERRED needs to");
            refused(decide(custody(heldByTheCell()), KHI_STAFF, new CustodyStep.HandOver(CustodyAction.TRANSFERRED,
                    "pfsa", null)), ProblemType.VALIDATION, "to must be cell:<CODE> or custodian:<id>");
            refused(decide(custody(heldByTheCell()), KHI_STAFF, new CustodyStep.HandOver(CustodyAction.TRANSFERRED,
                    "custodian:nobody", null)), ProblemType.VALIDATION, "There is no custodian nobody");
        }

        @Test
        void anItemIsNotHandedToItsOwnHolder() {
            refused(decide(custody(heldByTheCell()), KHI_STAFF, new CustodyStep.HandOver(CustodyAction.TRANSFERRED,
                    "cell:KHI", null)), ProblemType.VALIDATION, "already held by cell:KHI");
        }

        @Test
        void anItemOnItsWayIsNotHandedOverAgain() {
            EvidenceItem item = heldByTheCell();
            CustodyTransfer open = onItsWayTo(item, POLICE);
            refused(decide(custody(item, open), KHI_STAFF, TO_LAB), ProblemType.CONFLICT,
                    "is already on its way; its receipt comes first");
        }

        @Test
        void aTransferToALabIsRecordedAsASubmission() {
            Recorded done = recorded(decide(custody(heldByTheCell()), KHI_STAFF, TO_LAB));
            assertThat(done.action()).isEqualTo(CustodyAction.SUBMITTED_TO_LAB);
            assertThat(done.handover().action).isEqualTo(CustodyAction.SUBMITTED_TO_LAB);
        }

        @Test
        void aSubmissionGoesOnlyToALab() {
            refused(decide(custody(heldByTheCell()), KHI_STAFF, new CustodyStep.HandOver(CustodyAction.SUBMITTED_TO_LAB,
                    POLICE.toString(), null)), ProblemType.VALIDATION, "custodian:police-khi is not a forensic lab");
        }

        @Test
        void onlyALabReturnsAnItem() {
            refused(decide(custody(heldByTheCell()), KHI_STAFF, new CustodyStep.HandOver(CustodyAction.RETURNED,
                    POLICE.toString(), null)), ProblemType.VALIDATION, "RETURNED is a lab handing an item back");
            EvidenceItem analysed = heldBy(LAB, Stage.ANALYSED);
            assertThat(recorded(decide(custody(analysed), THE_LAB, new CustodyStep.HandOver(CustodyAction.RETURNED,
                    KHI.toString(), null))).action()).isEqualTo(CustodyAction.RETURNED);
        }

        @Test
        void aRestrictedItemNeverGoesToALab() {
            EvidenceItem item = heldByTheCell();
            item.restricted = true;
            refused(decide(custody(item), KHI_STAFF, TO_LAB), ProblemType.CONSENT_REQUIRED,
                    "is restricted: there is no consent to evidence testing");
            assertThat(item.stage).isEqualTo(Stage.COLLECTED);
            assertThat(recorded(decide(custody(item), KHI_STAFF, TO_POLICE)).action())
                    .as("a restricted item may still go to the police").isEqualTo(CustodyAction.TRANSFERRED);
        }
    }

    @Nested
    class Receipt {

        private static final CustodyStep INTACT = new CustodyStep.Receive(true, "S-1001", "dry, sealed bag");

        @Test
        void theAddresseeReceivesItAndBecomesItsHolder() {
            EvidenceItem item = heldByTheCell();
            CustodyTransfer open = onItsWayTo(item, POLICE);
            Recorded done = recorded(decide(custody(item, open), THE_POLICE, INTACT));
            assertThat(done.action()).isEqualTo(CustodyAction.RECEIVED);
            assertThat(done.details()).containsEntry("from", "cell:KHI").containsEntry("sealIntact", "true")
                    .containsEntry("sealNumber", "S-1001").containsEntry("expectedSealNumber", "S-1001")
                    .containsEntry("condition", "dry, sealed bag");
            assertThat(done.anomalies()).isEmpty();
            assertThat(open.received).isTrue();
            assertThat(item.holder).isEqualTo("custodian:police-khi");
            assertThat(item.stage).isEqualTo(Stage.IN_CUSTODY);
            assertThat(done.reachedFirstLab()).isFalse();
        }

        @Test
        void thereMustBeAnOpenHandoverToReceive() {
            refused(decide(custody(heldByTheCell()), THE_POLICE, INTACT), ProblemType.CONFLICT,
                    "There is no open handover of KHI-2026-000042 to receive");
        }

        @Test
        void onlyTheAddresseeReceivesIt() {
            EvidenceItem item = heldByTheCell();
            CustodyTransfer open = onItsWayTo(item, POLICE);
            refused(decide(custody(item, open), THE_COURT, INTACT), ProblemType.CONFLICT,
                    "is addressed to custodian:police-khi, not to custodian:court-khi");
            assertThat(open.received).isFalse();
        }

        @Test
        void aCellRoleThatDoesNotRecordCustodyDoesNotReceive() {
            EvidenceItem item = heldBy(POLICE, Stage.IN_CUSTODY);
            CustodyTransfer open = onItsWayTo(item, KHI);
            refused(decide(custody(item, open), KHI_LEGAL_OFFICER, INTACT), ProblemType.FORBIDDEN,
                    "Your role does not record custody");
        }

        @Test
        void aReceiptSaysWhetherTheSealWasIntactAndWhichSealItFound() {
            EvidenceItem item = heldByTheCell();
            CustodyTransfer open = onItsWayTo(item, POLICE);
            refused(decide(custody(item, open), THE_POLICE, new CustodyStep.Receive(null, "S-1001", null)),
                    ProblemType.VALIDATION, "RECEIVED needs sealIntact");
            refused(decide(custody(item, open), THE_POLICE, new CustodyStep.Receive(true, " ", null)),
                    ProblemType.VALIDATION, "RECEIVED needs sealNumber");
        }

        @Test
        void aBrokenSealIsAnAnomaly() {
            EvidenceItem item = heldByTheCell();
            CustodyTransfer open = onItsWayTo(item, POLICE);
            Recorded done = recorded(decide(custody(item, open), THE_POLICE, new CustodyStep.Receive(false, "S-1001",
                    null)));
            assertThat(done.anomalies()).containsExactly(Anomaly.SEAL_BROKEN);
        }

        @Test
        void aDifferentSealIsAnAnomaly() {
            EvidenceItem item = heldByTheCell();
            CustodyTransfer open = onItsWayTo(item, POLICE);
            Recorded done = recorded(decide(custody(item, open), THE_POLICE, new CustodyStep.Receive(false, "S-9999",
                    null)));
            assertThat(done.anomalies()).containsExactly(Anomaly.SEAL_BROKEN, Anomaly.SEAL_MISMATCH);
            assertThat(done.details()).containsEntry("sealNumber", "S-9999").containsEntry("expectedSealNumber",
                    "S-1001");
        }

        @Test
        void theFirstArrivalAtALabStartsTheLabClockOnce() {
            EvidenceItem item = heldByTheCell();
            Instant arrived = NOW.minusSeconds(60);
            Recorded first = recorded(custody(item, onItsWayTo(item, LAB)).decide(THE_LAB, INTACT, arrived, NOW));
            assertThat(first.reachedFirstLab()).isTrue();
            assertThat(item.stage).isEqualTo(Stage.AT_LAB);
            assertThat(item.labReceivedAt).isEqualTo(arrived);

            item.holder = KHI.toString();
            Recorded again = recorded(decide(custody(item, onItsWayTo(item, LAB)), THE_LAB, INTACT));
            assertThat(again.reachedFirstLab()).isFalse();
            assertThat(item.labReceivedAt).isEqualTo(arrived);
        }
    }

    @Nested
    class AtTheHolder {

        @Test
        void sealingRecordsThePreviousSeal() {
            EvidenceItem item = heldByTheCell();
            Recorded done = recorded(decide(custody(item), KHI_STAFF, new CustodyStep.Seal("S-2002")));
            assertThat(done.details()).containsEntry("previousSealNumber", "S-1001").containsEntry("sealNumber",
                    "S-2002");
            assertThat(item.sealNumber).isEqualTo("S-2002");
            refused(decide(custody(item), KHI_STAFF, new CustodyStep.Seal(null)), ProblemType.VALIDATION,
                    "SEALED needs sealNumber");
        }

        @Test
        void storingACollectedItemPutsItInCustody() {
            EvidenceItem item = heldByTheCell();
            Recorded done = recorded(decide(custody(item), KHI_STAFF, new CustodyStep.Store("Room 2", "4 °C")));
            assertThat(done.details()).containsEntry("location", "Room 2").containsEntry("storageConditions", "4 °C");
            assertThat(item.stage).isEqualTo(Stage.IN_CUSTODY);
            refused(decide(custody(item), KHI_STAFF, new CustodyStep.Store("", null)), ProblemType.VALIDATION,
                    "STORED needs location");
        }

        @Test
        void storingDoesNotMoveAnAnalysedItemBack() {
            EvidenceItem item = heldBy(LAB, Stage.ANALYSED);
            recorded(decide(custody(item), THE_LAB, new CustodyStep.Store("Freezer 3", null)));
            assertThat(item.stage).isEqualTo(Stage.ANALYSED);
        }
    }

    @Nested
    class Analysis {

        private static final CustodyStep RESULT = new CustodyStep.Analyse("PFSA/DNA/2026/118", "a".repeat(64));

        @Test
        void theLabHoldingItRecordsItsAnalysis() {
            EvidenceItem item = heldBy(LAB, Stage.AT_LAB);
            Recorded done = recorded(decide(custody(item), THE_LAB, RESULT));
            assertThat(done.details()).containsEntry("resultReference", "PFSA/DNA/2026/118")
                    .containsEntry("resultDocumentSha256", "a".repeat(64));
            assertThat(item.stage).isEqualTo(Stage.ANALYSED);
        }

        @Test
        void onlyALabRecordsAnAnalysis() {
            refused(decide(custody(heldBy(POLICE, Stage.IN_CUSTODY)), THE_POLICE, RESULT), ProblemType.CONFLICT,
                    "Only a forensic lab records an analysis");
        }

        @Test
        void aRestrictedItemIsNotAnalysed() {
            EvidenceItem item = heldBy(LAB, Stage.AT_LAB);
            item.restricted = true;
            refused(decide(custody(item), THE_LAB, RESULT), ProblemType.CONSENT_REQUIRED, "may not be analysed");
            assertThat(item.stage).isEqualTo(Stage.AT_LAB);
        }

        @Test
        void anAnalysisNamesItsResult() {
            refused(decide(custody(heldBy(LAB, Stage.AT_LAB)), THE_LAB, new CustodyStep.Analyse("R-1", null)),
                    ProblemType.VALIDATION, "ANALYSED needs resultDocumentSha256");
        }
    }

    @Nested
    class Court {

        @Test
        void theCourtPropertyRoomProducesItInCourtUnderItsSeal() {
            EvidenceItem item = heldBy(COURT, Stage.IN_CUSTODY);
            Recorded done = recorded(decide(custody(item), THE_COURT, new CustodyStep.ProduceInCourt(
                    "Sessions Court Karachi South", "SC-12/2026")));
            assertThat(done.details()).containsEntry("court", "Sessions Court Karachi South")
                    .containsEntry("courtReference", "SC-12/2026").containsEntry("sealNumber", "S-1001");
            assertThat(item.stage).isEqualTo(Stage.IN_COURT);
        }

        @Test
        void onlyACourtPropertyRoomProducesItInCourt() {
            refused(decide(custody(heldBy(LAB, Stage.ANALYSED)), THE_LAB, new CustodyStep.ProduceInCourt("Court", null)),
                    ProblemType.CONFLICT, "Only a court property room produces an item in court");
        }
    }

    @Nested
    class Disposal {

        @Test
        void disposalNeedsASupervisorsApproval() {
            refused(decide(custody(heldByTheCell()), KHI_STAFF, new CustodyStep.Dispose()), ProblemType.CONFLICT,
                    "has not been approved by a supervisor");
        }

        @Test
        void disposalWaitsForTheNoticeToRunItsCourse() {
            EvidenceItem item = heldByTheCell();
            item.disposeFrom = NOW.plusSeconds(1);
            refused(decide(custody(item), KHI_STAFF, new CustodyStep.Dispose()), ProblemType.CONFLICT,
                    "The disposal notice for KHI-2026-000042 runs until");
            assertThat(item.stage).isEqualTo(Stage.COLLECTED);
        }

        @Test
        void afterTheNoticeTheHolderDisposesOfIt() {
            EvidenceItem item = heldByTheCell();
            item.disposeFrom = NOW;
            Recorded done = recorded(decide(custody(item), KHI_STAFF, new CustodyStep.Dispose()));
            assertThat(done.action()).isEqualTo(CustodyAction.DISPOSED);
            assertThat(done.details()).isEmpty();
            assertThat(item.stage).isEqualTo(Stage.DISPOSED);
            assertThat(item.disposedAt).isEqualTo(NOW);
        }
    }
}
