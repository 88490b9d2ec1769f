package org.arcc.contracts.audit;

import java.time.Instant;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * An administrator reached a record of a cell with a stated reason: an alert for the platform's security
 * reviewers. The reason itself stays in the audit trail of the service (it is free text).
 *
 * @param service      CloudEvents source of the service, e.g. {@code /arcc/cases}
 * @param auditSeq     the audit row that records the access and its reason
 * @param actor        subject of the administrator
 * @param resourceType e.g. {@code case}
 * @param resourceId   id of the record
 * @param resourceCell cell that owns the record
 * @param action       what was done
 * @param occurredAt   when
 */
public record CrossCellAccessAlerted(String service, long auditSeq, String actor, String resourceType,
        String resourceId, String resourceCell, String action, Instant occurredAt) {

    public static final EventType TYPE = new EventType("arcc.audit.cross-cell-access.v1", Topics.AUDIT, "audit");
}
