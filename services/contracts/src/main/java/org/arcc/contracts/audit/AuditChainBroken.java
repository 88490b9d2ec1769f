package org.arcc.contracts.audit;

import java.time.Instant;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * An alert: a service's own check of its audit trail found a problem it had not found before (an edited,
 * deleted or rewritten row, a contradicted anchor). Published once per problem, not on every scan. Carries no
 * identity and no row content: where to look, and what kind of break it is.
 *
 * @param source     CloudEvents source of the service whose trail it is, e.g. {@code /arcc/cases}
 * @param chain      the chain, 1..32 (0 when the problem is not in one chain, e.g. an anchor's bad signature)
 * @param position   the place in the chain the problem names (0 when none)
 * @param kind       {@code ALTERED}, {@code UNLINKED}, {@code MISSING}, {@code TRUNCATED}, {@code HEAD_MISMATCH},
 *                   {@code HEAD_DELETED}, {@code UNKNOWN_CHAIN}, {@code ANCHOR_CONTRADICTED}, {@code ANCHOR_FORGED}
 * @param detectedAt when the check found it
 */
public record AuditChainBroken(String source, int chain, long position, String kind, Instant detectedAt) {

    public static final EventType TYPE = new EventType("arcc.audit.chain-broken.v1", Topics.AUDIT, "audit");
}
