package org.arcc.common.audit.api;

import java.time.Instant;
import java.util.List;

import org.arcc.common.audit.AuditChainVerifier;
import org.arcc.common.audit.AuditProblem;

/**
 * What a check of a service's audit trail found, for an administrator (every chain) or a cell's supervisor
 * (its own cell's problems and those no row can be tied to).
 *
 * @param source         the service whose trail it is, e.g. {@code /arcc/cases}
 * @param checkedAt      when
 * @param scope          {@code all} or {@code cell KHI}
 * @param intact         no problem found (within the scope)
 * @param rowsChecked    rows of the trail read
 * @param anchorsChecked signed anchors compared with the rows
 * @param problems       each problem, with the chain and position it names
 */
public record AuditVerificationReport(String source, Instant checkedAt, String scope, boolean intact, long rowsChecked,
        long anchorsChecked, List<TrailProblem> problems) {

    /**
     * @param kind     e.g. {@code ALTERED}, {@code MISSING}, {@code ANCHOR_CONTRADICTED}
     * @param chain    the chain (0 when none, e.g. a forged anchor)
     * @param position the place in the chain it names (0 when none)
     * @param seq      the row's number in the trail, when the row is there
     * @param detail   the finding in a sentence
     */
    // Not "Problem": the API documents would give it the name of the RFC 9457 Problem schema every error
    // response uses, and one would overwrite the other (OpenApiDocumentTest caught it).
    public record TrailProblem(String kind, int chain, long position, Long seq, String detail) {
        static TrailProblem of(AuditProblem p) {
            return new TrailProblem(p.kind().name(), p.chain(), p.position(), p.seq(), p.description());
        }
    }

    public static AuditVerificationReport of(String source, Instant checkedAt, String scope,
            AuditChainVerifier.Verification verification) {
        return new AuditVerificationReport(source, checkedAt, scope, verification.intact(), verification.rowsChecked(),
                verification.anchorsChecked(), verification.problems().stream().map(TrailProblem::of).toList());
    }
}
