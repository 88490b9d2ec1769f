package org.arcc.evidence.domain.custody;

import org.arcc.evidence.domain.CustodyAction;

/**
 * One custody step as a holder (or an addressee) asks to record it, one record per kind of step with the
 * details that kind carries. Whether a required detail is present is a rule of {@link ItemCustody} (it
 * answers only after it knows the caller may take the step at all), so the fields may be null here.
 */
public sealed interface CustodyStep {

    /** The action the caller asked for (a handover to a lab is recorded as SUBMITTED_TO_LAB whatever was asked). */
    CustodyAction action();

    /**
     * TRANSFERRED, SUBMITTED_TO_LAB or RETURNED.
     *
     * @param to      the addressee, {@code cell:KHI} or {@code custodian:pfsa-lhe}
     * @param courier who carries it (an officer's badge or a courier's reference)
     */
    record HandOver(CustodyAction action, String to, String courier) implements CustodyStep {
        public HandOver {
            if (!action.isHandover()) {
                throw new IllegalArgumentException(action + " is not a handover");
            }
        }
    }

    /**
     * RECEIVED by the addressee of the open handover.
     *
     * @param sealIntact whether the seal was intact
     * @param sealNumber the seal number as found
     * @param condition  condition on arrival
     */
    record Receive(Boolean sealIntact, String sealNumber, String condition) implements CustodyStep {
        @Override
        public CustodyAction action() {
            return CustodyAction.RECEIVED;
        }
    }

    /** SEALED (or re-sealed) under a new seal number. */
    record Seal(String sealNumber) implements CustodyStep {
        @Override
        public CustodyAction action() {
            return CustodyAction.SEALED;
        }
    }

    /** STORED: where, and under which conditions (e.g. "refrigerated 4 °C"). */
    record Store(String location, String storageConditions) implements CustodyStep {
        @Override
        public CustodyAction action() {
            return CustodyAction.STORED;
        }
    }

    /** ANALYSED by the lab holding it: the lab's report reference and the SHA-256 of the report document. */
    record Analyse(String resultReference, String resultDocumentSha256) implements CustodyStep {
        @Override
        public CustodyAction action() {
            return CustodyAction.ANALYSED;
        }
    }

    /** PRODUCED_IN_COURT by the court property room holding it: which court, and the trial's reference. */
    record ProduceInCourt(String court, String courtReference) implements CustodyStep {
        @Override
        public CustodyAction action() {
            return CustodyAction.PRODUCED_IN_COURT;
        }
    }

    /** DISPOSED by the holder, once a supervisor approved it and the notice ran its course. */
    record Dispose() implements CustodyStep {
        @Override
        public CustodyAction action() {
            return CustodyAction.DISPOSED;
        }
    }

    /** COLLECTED, RELEASED_FOR_TESTING, RESTRICTED or DISPOSAL_SCHEDULED: the service records these itself. */
    record RecordedByTheService(CustodyAction action) implements CustodyStep {
    }

    /** The typed step for a flat request; the fields that the action does not use are ignored. */
    static CustodyStep of(CustodyAction action, String to, String courier, String sealNumber, Boolean sealIntact,
            String condition, String location, String storageConditions, String resultReference,
            String resultDocumentSha256, String court, String courtReference) {
        return switch (action) {
            case TRANSFERRED, SUBMITTED_TO_LAB, RETURNED -> new HandOver(action, to, courier);
            case RECEIVED -> new Receive(sealIntact, sealNumber, condition);
            case SEALED -> new Seal(sealNumber);
            case STORED -> new Store(location, storageConditions);
            case ANALYSED -> new Analyse(resultReference, resultDocumentSha256);
            case PRODUCED_IN_COURT -> new ProduceInCourt(court, courtReference);
            case DISPOSED -> new Dispose();
            case COLLECTED, RELEASED_FOR_TESTING, RESTRICTED, DISPOSAL_SCHEDULED -> new RecordedByTheService(action);
        };
    }
}
