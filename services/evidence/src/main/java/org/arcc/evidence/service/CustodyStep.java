package org.arcc.evidence.service;

import java.time.Instant;

import org.arcc.evidence.domain.CustodyAction;

/**
 * One custody step as a holder (or an addressee) records it. Which fields an action needs is checked by
 * {@link CustodyRecords}.
 *
 * @param to                   handovers: the addressee, {@code cell:KHI} or {@code custodian:pfsa-lhe}
 * @param courier              handovers: who carries it (an officer's badge or a courier's reference)
 * @param sealNumber           SEALED: the new seal; RECEIVED: the seal number as found
 * @param sealIntact           RECEIVED: whether the seal was intact
 * @param condition            RECEIVED: condition on arrival
 * @param location             STORED: where
 * @param storageConditions    STORED: e.g. "refrigerated 4 °C"
 * @param resultReference      ANALYSED: the lab's report reference
 * @param resultDocumentSha256 ANALYSED: SHA-256 of the report document
 * @param court                PRODUCED_IN_COURT: which court
 * @param courtReference       PRODUCED_IN_COURT: the trial's reference
 * @param at                   when it happened, if not now
 */
public record CustodyStep(CustodyAction action, String to, String courier, String sealNumber, Boolean sealIntact,
        String condition, String location, String storageConditions, String resultReference,
        String resultDocumentSha256, String court, String courtReference, Instant at) {
}
