package org.arcc.evidence.api;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.arcc.common.audit.api.AuditVerificationEndpoints;
import org.arcc.common.idempotency.IdempotentPost;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The evidence service's audit trail checked on demand: the endpoints every audited service shares. */
@IdempotentPost
@Tag(name = "Audit", description = "Who read or changed survivor records (a case's access history), and checks that the audit trail itself is intact")
@Path("/api/v1/audit/evidence")
@Produces(MediaType.APPLICATION_JSON)
public class AuditVerificationResource extends AuditVerificationEndpoints {
}
