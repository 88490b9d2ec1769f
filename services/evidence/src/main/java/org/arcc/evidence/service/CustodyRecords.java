package org.arcc.evidence.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.problem.ProblemType;
import org.arcc.common.security.Caller;
import org.arcc.contracts.evidence.CustodyAnomalyRaised;
import org.arcc.evidence.domain.Custodian;
import org.arcc.evidence.domain.CustodyAction;
import org.arcc.evidence.domain.CustodyEntryRow;
import org.arcc.evidence.domain.CustodyTransfer;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.evidence.domain.Holder;
import org.arcc.evidence.domain.Stage;

/**
 * The rules of custody: only the holder hands an item over, stores, seals, analyses or produces it; only the
 * addressee of an open handover receives it; a broken or different seal is an anomaly; a restricted item
 * never goes to a lab; a disposed item takes no further step.
 */
@ApplicationScoped
public class CustodyRecords {

    @Inject
    ItemAccess access;

    @Inject
    CustodyLog log;

    @Inject
    LabDeadlines deadlines;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public CustodyEntryRow record(Caller caller, UUID itemId, CustodyStep step) {
        EvidenceItem item = access.visibleForUpdate(caller, itemId);
        Instant now = clock.instant();
        Instant at = step.at() == null ? now : step.at();
        if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new ProblemException(ProblemType.VALIDATION, "at is in the future");
        }
        if (item.stage == Stage.DISPOSED) {
            throw ProblemException.conflict(item.kitNumber + " was disposed of; its log is closed");
        }
        Map<String, String> details = new HashMap<>();
        List<String> anomalies = new ArrayList<>();
        CustodyTransfer handover = null;
        CustodyAction action = step.action();
        switch (action) {
            case TRANSFERRED, SUBMITTED_TO_LAB, RETURNED -> {
                handover = handOver(caller, item, step, details);
                action = handover.action;
            }
            case RECEIVED -> anomalies.addAll(receive(caller, item, step, details, at));
            case SEALED -> {
                ItemAccess.requireHolder(caller, item, "seal it");
                require(step.sealNumber(), "sealNumber", action);
                details.put("previousSealNumber", item.sealNumber);
                details.put("sealNumber", step.sealNumber());
                item.sealNumber = step.sealNumber();
            }
            case STORED -> {
                ItemAccess.requireHolder(caller, item, "store it");
                require(step.location(), "location", action);
                details.put("location", step.location());
                details.put("storageConditions", step.storageConditions());
                if (item.stage == Stage.COLLECTED) {
                    item.stage = Stage.IN_CUSTODY;
                }
            }
            case ANALYSED -> {
                ItemAccess.requireHolder(caller, item, "record its analysis");
                requireKind(item, Custodian.Kind.LAB, "Only a forensic lab records an analysis");
                if (item.restricted) {
                    throw new ProblemException(ProblemType.CONSENT_REQUIRED, item.kitNumber
                            + " is restricted: consent to evidence testing was withdrawn, so it may not be analysed");
                }
                require(step.resultReference(), "resultReference", action);
                require(step.resultDocumentSha256(), "resultDocumentSha256", action);
                details.put("resultReference", step.resultReference());
                details.put("resultDocumentSha256", step.resultDocumentSha256());
                item.stage = Stage.ANALYSED;
            }
            case PRODUCED_IN_COURT -> {
                ItemAccess.requireHolder(caller, item, "produce it in court");
                requireKind(item, Custodian.Kind.COURT, "Only a court property room produces an item in court");
                require(step.court(), "court", action);
                details.put("court", step.court());
                details.put("courtReference", step.courtReference());
                details.put("sealNumber", item.sealNumber);
                item.stage = Stage.IN_COURT;
            }
            case DISPOSED -> {
                ItemAccess.requireHolder(caller, item, "dispose of it");
                if (item.disposeFrom == null) {
                    throw ProblemException.conflict("Disposal of " + item.kitNumber
                            + " has not been approved by a supervisor (POST /api/v1/evidence/items/{id}/disposal)");
                }
                if (at.isBefore(item.disposeFrom)) {
                    throw ProblemException.conflict("The disposal notice for " + item.kitNumber + " runs until "
                            + item.disposeFrom);
                }
                item.stage = Stage.DISPOSED;
                item.disposedAt = at;
            }
            case COLLECTED, RELEASED_FOR_TESTING, RESTRICTED, DISPOSAL_SCHEDULED -> throw new ProblemException(
                    ProblemType.VALIDATION, action + " is recorded by the service itself, not through this endpoint");
        }
        CustodyEntryRow entry = log.append(item, action, EvidenceItems.recordedBy(caller), at, details);
        if (handover != null) {
            handover.sentSequence = entry.sequence;
            handover.persist();
        }
        for (String kind : anomalies) {
            item.anomalies++;
            outbox.record(CustodyAnomalyRaised.TYPE, item.id.toString(), new CustodyAnomalyRaised(item.id, item.caseId,
                    item.cellCode, kind, entry.sequence, entry.leafIndex, clock.instant()));
        }
        return entry;
    }

    /** Checks a handover and returns it, not yet saved: it is saved with the sequence of its entry. */
    private CustodyTransfer handOver(Caller caller, EvidenceItem item, CustodyStep step, Map<String, String> details) {
        ItemAccess.requireHolder(caller, item, "hand it over");
        require(step.to(), "to", step.action());
        Holder to = Holder.parse(step.to());
        if (to == null) {
            throw new ProblemException(ProblemType.VALIDATION, "to must be cell:<CODE> or custodian:<id>");
        }
        Custodian custodian = to.kind() == Holder.Kind.CUSTODIAN ? Custodian.findById(to.id()) : null;
        if (to.kind() == Holder.Kind.CUSTODIAN && custodian == null) {
            throw new ProblemException(ProblemType.VALIDATION, "There is no custodian " + to.id());
        }
        if (to.toString().equals(item.holder)) {
            throw new ProblemException(ProblemType.VALIDATION, "The item is already held by " + to);
        }
        if (CustodyTransfer.openFor(item.id).isPresent()) {
            throw ProblemException.conflict(item.kitNumber + " is already on its way; its receipt comes first");
        }
        boolean toLab = custodian != null && custodian.kind == Custodian.Kind.LAB;
        CustodyAction action = step.action();
        if (action == CustodyAction.SUBMITTED_TO_LAB && !toLab) {
            throw new ProblemException(ProblemType.VALIDATION, to + " is not a forensic lab");
        }
        if (action == CustodyAction.RETURNED && kindOf(item) != Custodian.Kind.LAB) {
            throw new ProblemException(ProblemType.VALIDATION, "RETURNED is a lab handing an item back; use TRANSFERRED");
        }
        if (toLab) {
            action = CustodyAction.SUBMITTED_TO_LAB;
            if (item.restricted) {
                throw new ProblemException(ProblemType.CONSENT_REQUIRED, item.kitNumber
                        + " is restricted: there is no consent to evidence testing, so it may not go to a lab");
            }
        }
        CustodyTransfer transfer = new CustodyTransfer();
        transfer.id = UUID.randomUUID();
        transfer.itemId = item.id;
        transfer.fromHolder = item.holder;
        transfer.toHolder = to.toString();
        transfer.sealNumber = item.sealNumber;
        transfer.action = action;
        details.put("from", item.holder);
        details.put("to", to.toString());
        details.put("courier", step.courier());
        details.put("sealNumber", item.sealNumber);
        item.stage = Stage.IN_TRANSIT;
        return transfer;
    }

    /** Checks and applies a receipt; returns the anomalies it shows (SEAL_BROKEN, SEAL_MISMATCH). */
    private List<String> receive(Caller caller, EvidenceItem item, CustodyStep step, Map<String, String> details, Instant at) {
        Holder me = ItemAccess.actingFor(caller);
        CustodyTransfer transfer = CustodyTransfer.openFor(item.id).orElseThrow(() -> ProblemException.conflict(
                "There is no open handover of " + item.kitNumber + " to receive"));
        if (!transfer.toHolder.equals(me.toString())) {
            throw ProblemException.conflict("The open handover of " + item.kitNumber + " is addressed to "
                    + transfer.toHolder + ", not to " + me);
        }
        if (me.kind() == Holder.Kind.CELL && Roles.CELL_STAFF.stream().noneMatch(caller::hasRole)) {
            throw new io.quarkus.security.ForbiddenException("Your role does not record custody");
        }
        if (step.sealIntact() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "RECEIVED needs sealIntact (true or false)");
        }
        require(step.sealNumber(), "sealNumber", CustodyAction.RECEIVED);
        boolean mismatch = transfer.sealNumber != null && !transfer.sealNumber.equals(step.sealNumber());
        details.put("from", transfer.fromHolder);
        details.put("sealIntact", Boolean.toString(step.sealIntact()));
        details.put("sealNumber", step.sealNumber());
        details.put("expectedSealNumber", transfer.sealNumber);
        details.put("condition", step.condition());
        transfer.received = true;
        item.holder = me.toString();
        Custodian.Kind kind = kindOf(item);
        item.stage = kind == Custodian.Kind.LAB ? Stage.AT_LAB : Stage.IN_CUSTODY;
        if (kind == Custodian.Kind.LAB && item.labReceivedAt == null) {
            item.labReceivedAt = at;
            deadlines.checkOnLabReceipt(item);
        }
        List<String> anomalies = new ArrayList<>();
        if (!step.sealIntact()) {
            anomalies.add("SEAL_BROKEN");
        }
        if (mismatch) {
            anomalies.add("SEAL_MISMATCH");
        }
        return anomalies;
    }

    static Custodian.Kind kindOf(EvidenceItem item) {
        Holder h = item.currentHolder();
        if (h == null || h.kind() != Holder.Kind.CUSTODIAN) {
            return null;
        }
        Custodian c = Custodian.findById(h.id());
        return c == null ? null : c.kind;
    }

    private static void requireKind(EvidenceItem item, Custodian.Kind kind, String message) {
        if (kindOf(item) != kind) {
            throw ProblemException.conflict(message);
        }
    }

    private static void require(String value, String field, CustodyAction action) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(ProblemType.VALIDATION, action + " needs " + field);
        }
    }
}
