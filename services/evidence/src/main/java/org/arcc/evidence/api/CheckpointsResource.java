package org.arcc.evidence.api;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.arcc.common.problem.ProblemException;
import org.arcc.custody.Checkpoint;
import org.arcc.custody.Hashes;
import org.arcc.evidence.service.Checkpoints;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The custody log's signed checkpoints and the proofs between them, for anyone who keeps checkpoints to hold
 * the log to account. They say nothing about any case.
 */
@Tag(name = "Checkpoints", description = "Signed checkpoints of the custody log (Ed25519 over the RFC 9162 Merkle tree) and consistency proofs between them")
@Path("/api/v1/evidence/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
public class CheckpointsResource {

    @Inject
    Checkpoints checkpoints;

    public record ConsistencyView(long fromTreeSize, String fromRootHash, long toTreeSize, String toRootHash,
            List<String> proof) {
    }

    @GET
    @Path("/latest")
    @RolesAllowed({ Role.CASE_WORKER, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR,
            Role.EVIDENCE_CUSTODIAN, Role.PARTNER_NGO, Role.ANALYST, Role.PLATFORM_ADMIN })
    @Operation(operationId = "getLatestCheckpoint", summary = "The latest signed checkpoint and the public key that verifies it")
    public Map<String, Object> latest() {
        Checkpoint latest = checkpoints.latest();
        if (latest == null) {
            throw ProblemException.notFound("No checkpoint has been signed yet");
        }
        Map<String, Object> json = new java.util.LinkedHashMap<>(latest.toJson());
        json.put("publicKey", checkpoints.publicKeySpki());
        return json;
    }

    @GET
    @Path("/consistency")
    @Transactional
    @RolesAllowed({ Role.CASE_WORKER, Role.MEDICAL_OFFICER, Role.COUNSELLOR, Role.LEGAL_OFFICER, Role.CELL_SUPERVISOR,
            Role.EVIDENCE_CUSTODIAN, Role.PARTNER_NGO, Role.ANALYST, Role.PLATFORM_ADMIN })
    @Operation(operationId = "getCheckpointConsistency", summary = "A consistency proof between two signed checkpoints (RFC 9162 §2.1.4)")
    public ConsistencyView consistency(@QueryParam("from") @NotNull @Min(1) Long from,
            @QueryParam("to") @NotNull @Min(1) Long to) {
        Checkpoint older = checkpoints.ofSize(from);
        Checkpoint newer = checkpoints.ofSize(to);
        if (older == null || newer == null) {
            throw ProblemException.notFound("No signed checkpoint of size " + (older == null ? from : to));
        }
        if (from > to) {
            throw new ProblemException(ProblemType.VALIDATION, "from must not be larger than to");
        }
        return new ConsistencyView(from, Hashes.hex(older.rootHash()), to, Hashes.hex(newer.rootHash()),
                checkpoints.consistencyProof(from, to));
    }
}
