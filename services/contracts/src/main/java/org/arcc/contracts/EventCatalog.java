package org.arcc.contracts;

import java.util.List;

import org.arcc.contracts.audit.AccessAudited;
import org.arcc.contracts.audit.AuditChainBroken;
import org.arcc.contracts.audit.AuditHeadsSigned;
import org.arcc.contracts.audit.CrossCellAccessAlerted;
import org.arcc.contracts.cases.CaseClosed;
import org.arcc.contracts.cases.CaseOpened;
import org.arcc.contracts.cases.CaseOpenedV2;
import org.arcc.contracts.cases.CaseStatusChanged;
import org.arcc.contracts.cases.ConsentGiven;
import org.arcc.contracts.cases.ConsentWithdrawn;
import org.arcc.contracts.cases.DeadlineBreached;
import org.arcc.contracts.cases.IdentityErased;
import org.arcc.contracts.cases.MedicoLegalReportAmended;
import org.arcc.contracts.cases.MedicoLegalReportSigned;
import org.arcc.contracts.cases.OnwardReferralAcknowledged;
import org.arcc.contracts.cases.OnwardReferralMade;
import org.arcc.contracts.cases.OnwardReferralWithdrawn;
import org.arcc.contracts.cases.ReferralAccepted;
import org.arcc.contracts.cases.ReferralDeclined;
import org.arcc.contracts.cases.ReferralReceived;
import org.arcc.contracts.cases.ServiceDelivered;
import org.arcc.contracts.cases.TransferAccepted;
import org.arcc.contracts.cases.TransferDeclined;
import org.arcc.contracts.cases.TransferProposed;
import org.arcc.contracts.evidence.CheckpointPublished;
import org.arcc.contracts.evidence.CustodyAnomalyRaised;
import org.arcc.contracts.evidence.CustodyRecorded;
import org.arcc.contracts.evidence.DisposalScheduled;
import org.arcc.contracts.evidence.EvidenceDeadlineBreached;
import org.arcc.contracts.evidence.EvidenceItemRegistered;
import org.arcc.contracts.legal.FirRegistered;
import org.arcc.contracts.legal.FirRefused;
import org.arcc.contracts.legal.LawyerAssigned;
import org.arcc.contracts.legal.HearingRecorded;
import org.arcc.contracts.legal.VerdictRecorded;
import org.arcc.contracts.legal.LegalDeadlineBreached;
import org.arcc.contracts.legal.LegalStageChanged;
import org.arcc.contracts.legal.RegisterNotice;

/**
 * Every event type the platform publishes, with its payload record. A new event is added here, with its
 * JSON Schema under {@code schemas/}, a row in {@code docs/events.md} and a message in
 * {@code docs/asyncapi.yaml}; the contract tests fail until all of them agree.
 */
public final class EventCatalog {

    /** An event type and the record its payload is read into. */
    public record Entry(EventType type, Class<? extends Record> payload) {
    }

    public static final List<Entry> ALL = List.of(
            new Entry(CaseOpened.TYPE, CaseOpened.class),
            new Entry(CaseOpenedV2.TYPE, CaseOpenedV2.class),
            new Entry(CaseStatusChanged.TYPE, CaseStatusChanged.class),
            new Entry(CaseClosed.TYPE, CaseClosed.class),
            new Entry(ConsentGiven.TYPE, ConsentGiven.class),
            new Entry(ConsentWithdrawn.TYPE, ConsentWithdrawn.class),
            new Entry(ServiceDelivered.TYPE, ServiceDelivered.class),
            new Entry(DeadlineBreached.TYPE, DeadlineBreached.class),
            new Entry(IdentityErased.TYPE, IdentityErased.class),
            new Entry(MedicoLegalReportSigned.TYPE, MedicoLegalReportSigned.class),
            new Entry(MedicoLegalReportAmended.TYPE, MedicoLegalReportAmended.class),
            new Entry(TransferProposed.TYPE, TransferProposed.class),
            new Entry(TransferAccepted.TYPE, TransferAccepted.class),
            new Entry(TransferDeclined.TYPE, TransferDeclined.class),
            new Entry(OnwardReferralMade.TYPE, OnwardReferralMade.class),
            new Entry(OnwardReferralAcknowledged.TYPE, OnwardReferralAcknowledged.class),
            new Entry(OnwardReferralWithdrawn.TYPE, OnwardReferralWithdrawn.class),
            new Entry(ReferralReceived.TYPE, ReferralReceived.class),
            new Entry(ReferralAccepted.TYPE, ReferralAccepted.class),
            new Entry(ReferralDeclined.TYPE, ReferralDeclined.class),
            new Entry(AccessAudited.TYPE, AccessAudited.class),
            new Entry(CrossCellAccessAlerted.TYPE, CrossCellAccessAlerted.class),
            new Entry(AuditHeadsSigned.TYPE, AuditHeadsSigned.class),
            new Entry(AuditChainBroken.TYPE, AuditChainBroken.class),
            new Entry(EvidenceItemRegistered.TYPE, EvidenceItemRegistered.class),
            new Entry(CustodyRecorded.TYPE, CustodyRecorded.class),
            new Entry(CustodyAnomalyRaised.TYPE, CustodyAnomalyRaised.class),
            new Entry(CheckpointPublished.TYPE, CheckpointPublished.class),
            new Entry(EvidenceDeadlineBreached.TYPE, EvidenceDeadlineBreached.class),
            new Entry(DisposalScheduled.TYPE, DisposalScheduled.class),
            new Entry(FirRegistered.TYPE, FirRegistered.class),
            new Entry(FirRefused.TYPE, FirRefused.class),
            new Entry(LawyerAssigned.TYPE, LawyerAssigned.class),
            new Entry(HearingRecorded.TYPE, HearingRecorded.class),
            new Entry(VerdictRecorded.TYPE, VerdictRecorded.class),
            new Entry(LegalDeadlineBreached.TYPE, LegalDeadlineBreached.class),
            new Entry(RegisterNotice.TYPE, RegisterNotice.class),
            new Entry(LegalStageChanged.TYPE, LegalStageChanged.class));

    private EventCatalog() {
    }
}
