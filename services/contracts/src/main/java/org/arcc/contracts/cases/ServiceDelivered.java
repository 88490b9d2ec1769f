package org.arcc.contracts.cases;

import java.time.Instant;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A service was given to the survivor. Notes never travel in events.
 *
 * @param caseId the case
 * @param deliveryId the delivery record
 * @param cell cell code
 * @param service service code, e.g. MEDICO_LEGAL_EXAM
 * @param deliveredByRole platform role of the staff member
 * @param deliveredAt when
 */
public record ServiceDelivered(UUID caseId, UUID deliveryId, String cell, String service, String deliveredByRole, Instant deliveredAt) {

    public static final EventType TYPE = new EventType("arcc.case.service-delivered.v1", Topics.CASES, "case");
}
