package org.arcc.evidence.domain.custody;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.arcc.vocabulary.ProblemType;
import org.arcc.evidence.domain.Custodian;
import org.arcc.evidence.domain.CustodyAction;
import org.arcc.evidence.domain.CustodyTransfer;
import org.arcc.evidence.domain.EvidenceItem;
import org.arcc.evidence.domain.Holder;
import org.arcc.evidence.domain.Stage;
import org.arcc.evidence.domain.custody.CustodyDecision.Anomaly;
import org.arcc.evidence.domain.custody.CustodyDecision.Recorded;
import org.arcc.evidence.domain.custody.CustodyDecision.Refused;

/**
 * The rules of custody for one item: only the holder hands an item over, stores, seals, analyses or produces
 * it; only the addressee of an open handover receives it; a broken or different seal is an anomaly; a
 * restricted item never goes to a lab; a disposed item takes no further step.
 * <p>
 * {@link #decide} checks a step, changes the item (and the handover it opens or closes) and returns what
 * happened; it reads no database and publishes nothing: the service loads the item, calls it, appends the
 * entry and publishes what the decision says.
 */
public final class ItemCustody {

    /** How far ahead of the clock a step may say it happened (clocks of phones and lab systems drift). */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    /**
     * Who records the step.
     *
     * @param actsFor        the organisation the caller acts for: their cell or their custodian organisation
     * @param recordsCustody whether the caller's role records custody for a cell (cell staff; a legal officer does not)
     */
    public record Actor(Holder actsFor, boolean recordsCustody) {
    }

    /** The kinds of the custodian organisations (reference data); empty for an unknown id. */
    @FunctionalInterface
    public interface Custodians {
        Optional<Custodian.Kind> kindOf(String custodianId);
    }

    private final EvidenceItem item;
    private final CustodyTransfer openHandover;
    private final Custodians custodians;

    /**
     * @param item         the item, as locked for this step
     * @param openHandover the item's handover waiting for a receipt, or null
     * @param custodians   the custodian organisations
     */
    public ItemCustody(EvidenceItem item, CustodyTransfer openHandover, Custodians custodians) {
        this.item = item;
        this.openHandover = openHandover;
        this.custodians = custodians;
    }

    /**
     * Decides one step.
     *
     * @param at  when the step happened
     * @param now the clock's time
     */
    public CustodyDecision decide(Actor actor, CustodyStep step, Instant at, Instant now) {
        try {
            if (at.isAfter(now.plus(CLOCK_SLACK))) {
                throw refuse(ProblemType.VALIDATION, "at is in the future");
            }
            if (item.stage == Stage.DISPOSED) {
                throw conflict(item.kitNumber + " was disposed of; its log is closed");
            }
            if (step instanceof CustodyStep.HandOver h) {
                return handOver(actor, h);
            } else if (step instanceof CustodyStep.Receive r) {
                return receive(actor, r, at);
            } else if (step instanceof CustodyStep.Seal s) {
                return seal(actor, s);
            } else if (step instanceof CustodyStep.Store s) {
                return store(actor, s);
            } else if (step instanceof CustodyStep.Analyse a) {
                return analyse(actor, a);
            } else if (step instanceof CustodyStep.ProduceInCourt p) {
                return produceInCourt(actor, p);
            } else if (step instanceof CustodyStep.Dispose) {
                return dispose(actor, at);
            }
            throw refuse(ProblemType.VALIDATION, step.action()
                    + " is recorded by the service itself, not through this endpoint");
        } catch (Refusal refusal) {
            return refusal.refused;
        }
    }

    private Recorded handOver(Actor actor, CustodyStep.HandOver step) {
        requireHolder(actor, "hand it over");
        require(step.to(), "to", step.action());
        Holder to = Holder.parse(step.to());
        if (to == null) {
            throw refuse(ProblemType.VALIDATION, "to must be cell:<CODE> or custodian:<id>");
        }
        Optional<Custodian.Kind> custodian = to.kind() == Holder.Kind.CUSTODIAN ? custodians.kindOf(to.id())
                : Optional.empty();
        if (to.kind() == Holder.Kind.CUSTODIAN && custodian.isEmpty()) {
            throw refuse(ProblemType.VALIDATION, "There is no custodian " + to.id());
        }
        if (to.toString().equals(item.holder)) {
            throw refuse(ProblemType.VALIDATION, "The item is already held by " + to);
        }
        if (openHandover != null) {
            throw conflict(item.kitNumber + " is already on its way; its receipt comes first");
        }
        boolean toLab = custodian.filter(k -> k == Custodian.Kind.LAB).isPresent();
        CustodyAction action = step.action();
        if (action == CustodyAction.SUBMITTED_TO_LAB && !toLab) {
            throw refuse(ProblemType.VALIDATION, to + " is not a forensic lab");
        }
        if (action == CustodyAction.RETURNED && kindOf(item.currentHolder()) != Custodian.Kind.LAB) {
            throw refuse(ProblemType.VALIDATION, "RETURNED is a lab handing an item back; use TRANSFERRED");
        }
        if (toLab) {
            action = CustodyAction.SUBMITTED_TO_LAB;
            if (item.restricted) {
                throw refuse(ProblemType.CONSENT_REQUIRED, item.kitNumber
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
        Map<String, String> details = new HashMap<>();
        details.put("from", item.holder);
        details.put("to", to.toString());
        details.put("courier", step.courier());
        details.put("sealNumber", item.sealNumber);
        item.stage = Stage.IN_TRANSIT;
        return new Recorded(action, details, transfer, List.of(), false);
    }

    private Recorded receive(Actor actor, CustodyStep.Receive step, Instant at) {
        Holder me = actor.actsFor();
        if (openHandover == null) {
            throw conflict("There is no open handover of " + item.kitNumber + " to receive");
        }
        if (!openHandover.toHolder.equals(me.toString())) {
            throw conflict("The open handover of " + item.kitNumber + " is addressed to " + openHandover.toHolder
                    + ", not to " + me);
        }
        if (me.kind() == Holder.Kind.CELL && !actor.recordsCustody()) {
            throw refuse(ProblemType.FORBIDDEN, "Your role does not record custody");
        }
        if (step.sealIntact() == null) {
            throw refuse(ProblemType.VALIDATION, "RECEIVED needs sealIntact (true or false)");
        }
        require(step.sealNumber(), "sealNumber", CustodyAction.RECEIVED);
        boolean mismatch = openHandover.sealNumber != null && !openHandover.sealNumber.equals(step.sealNumber());
        Map<String, String> details = new HashMap<>();
        details.put("from", openHandover.fromHolder);
        details.put("sealIntact", Boolean.toString(step.sealIntact()));
        details.put("sealNumber", step.sealNumber());
        details.put("expectedSealNumber", openHandover.sealNumber);
        details.put("condition", step.condition());
        openHandover.received = true;
        item.holder = me.toString();
        Custodian.Kind kind = kindOf(me);
        item.stage = kind == Custodian.Kind.LAB ? Stage.AT_LAB : Stage.IN_CUSTODY;
        boolean firstLab = kind == Custodian.Kind.LAB && item.labReceivedAt == null;
        if (firstLab) {
            item.labReceivedAt = at;
        }
        List<Anomaly> anomalies = new ArrayList<>();
        if (!step.sealIntact()) {
            anomalies.add(Anomaly.SEAL_BROKEN);
        }
        if (mismatch) {
            anomalies.add(Anomaly.SEAL_MISMATCH);
        }
        return new Recorded(CustodyAction.RECEIVED, details, null, anomalies, firstLab);
    }

    private Recorded seal(Actor actor, CustodyStep.Seal step) {
        requireHolder(actor, "seal it");
        require(step.sealNumber(), "sealNumber", step.action());
        Map<String, String> details = new HashMap<>();
        details.put("previousSealNumber", item.sealNumber);
        details.put("sealNumber", step.sealNumber());
        item.sealNumber = step.sealNumber();
        return recorded(step, details);
    }

    private Recorded store(Actor actor, CustodyStep.Store step) {
        requireHolder(actor, "store it");
        require(step.location(), "location", step.action());
        Map<String, String> details = new HashMap<>();
        details.put("location", step.location());
        details.put("storageConditions", step.storageConditions());
        if (item.stage == Stage.COLLECTED) {
            item.stage = Stage.IN_CUSTODY;
        }
        return recorded(step, details);
    }

    private Recorded analyse(Actor actor, CustodyStep.Analyse step) {
        requireHolder(actor, "record its analysis");
        requireHolderKind(Custodian.Kind.LAB, "Only a forensic lab records an analysis");
        if (item.restricted) {
            throw refuse(ProblemType.CONSENT_REQUIRED, item.kitNumber
                    + " is restricted: consent to evidence testing was withdrawn, so it may not be analysed");
        }
        require(step.resultReference(), "resultReference", step.action());
        require(step.resultDocumentSha256(), "resultDocumentSha256", step.action());
        Map<String, String> details = new HashMap<>();
        details.put("resultReference", step.resultReference());
        details.put("resultDocumentSha256", step.resultDocumentSha256());
        item.stage = Stage.ANALYSED;
        return recorded(step, details);
    }

    private Recorded produceInCourt(Actor actor, CustodyStep.ProduceInCourt step) {
        requireHolder(actor, "produce it in court");
        requireHolderKind(Custodian.Kind.COURT, "Only a court property room produces an item in court");
        require(step.court(), "court", step.action());
        Map<String, String> details = new HashMap<>();
        details.put("court", step.court());
        details.put("courtReference", step.courtReference());
        details.put("sealNumber", item.sealNumber);
        item.stage = Stage.IN_COURT;
        return recorded(step, details);
    }

    private Recorded dispose(Actor actor, Instant at) {
        requireHolder(actor, "dispose of it");
        if (item.disposeFrom == null) {
            throw conflict("Disposal of " + item.kitNumber
                    + " has not been approved by a supervisor (POST /api/v1/evidence/items/{id}/disposal)");
        }
        if (at.isBefore(item.disposeFrom)) {
            throw conflict("The disposal notice for " + item.kitNumber + " runs until " + item.disposeFrom);
        }
        item.stage = Stage.DISPOSED;
        item.disposedAt = at;
        return new Recorded(CustodyAction.DISPOSED, Map.of(), null, List.of(), false);
    }

    private static Recorded recorded(CustodyStep step, Map<String, String> details) {
        return new Recorded(step.action(), details, null, List.of(), false);
    }

    /** Who acts for a custodial step on the item: the holder only, and for a cell only staff who record custody. */
    private void requireHolder(Actor actor, String what) {
        Holder me = actor.actsFor();
        if (!me.toString().equals(item.holder)) {
            throw conflict("Only the current holder of " + item.kitNumber + " (" + item.holder + ") may " + what
                    + "; you act for " + me);
        }
        if (me.kind() == Holder.Kind.CELL && !actor.recordsCustody()) {
            throw refuse(ProblemType.FORBIDDEN, "Your role does not record custody");
        }
    }

    private void requireHolderKind(Custodian.Kind kind, String message) {
        if (kindOf(item.currentHolder()) != kind) {
            throw conflict(message);
        }
    }

    private Custodian.Kind kindOf(Holder holder) {
        if (holder == null || holder.kind() != Holder.Kind.CUSTODIAN) {
            return null;
        }
        return custodians.kindOf(holder.id()).orElse(null);
    }

    private static void require(String value, String field, CustodyAction action) {
        if (value == null || value.isBlank()) {
            throw refuse(ProblemType.VALIDATION, action + " needs " + field);
        }
    }

    private static Refusal conflict(String detail) {
        return refuse(ProblemType.CONFLICT, detail);
    }

    private static Refusal refuse(ProblemType type, String detail) {
        return new Refusal(new Refused(type, detail));
    }

    /** Unwinds a rule to {@link #decide}, which returns the refusal; it never leaves this class. */
    private static final class Refusal extends RuntimeException {
        final Refused refused;

        Refusal(Refused refused) {
            super(null, null, false, false);
            this.refused = refused;
        }
    }
}
