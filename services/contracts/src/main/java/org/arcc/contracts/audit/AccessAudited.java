package org.arcc.contracts.audit;

import java.time.Instant;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * A read or write of survivor data was recorded in a service's audit trail. Carries the chain hash, so a
 * copy of the chain exists outside the service's database. Never carries the stated reason (free text).
 *
 * @param service      CloudEvents source of the service whose trail it is, e.g. {@code /arcc/cases}
 * @param seq          the row's number in that service's audit trail: unique and increasing, with gaps (the trail is
 *                     32 hash chains, docs/security.md section 5)
 * @param actor        subject of the caller (a staff or client id, never a survivor)
 * @param actorRoles   platform roles of the caller, comma separated
 * @param actorCell    caller's cell, if any
 * @param action       {@code READ}, {@code CREATE}, {@code UPDATE}, {@code ERASE}, {@code SEARCH}, ...
 * @param resourceType e.g. {@code case}, {@code case-identity}
 * @param resourceId   id of the record touched
 * @param resourceCell cell that owns the record, when known
 * @param purpose      declared purpose code
 * @param outcome      {@code SUCCESS}, {@code NOT_FOUND}, {@code DENIED}, {@code INVALID}
 * @param requestId    request id of the HTTP request
 * @param occurredAt   when
 * @param hash         SHA-256 chain hash of the audit row (hex)
 */
public record AccessAudited(String service, long seq, String actor, String actorRoles, String actorCell,
        String action, String resourceType, String resourceId, String resourceCell, String purpose, String outcome,
        String requestId, Instant occurredAt, String hash) {

    public static final EventType TYPE = new EventType("arcc.audit.access.v1", Topics.AUDIT, "audit");
}
