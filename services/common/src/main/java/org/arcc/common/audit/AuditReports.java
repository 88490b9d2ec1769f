package org.arcc.common.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.arcc.common.audit.api.AnchorsHeld;
import org.arcc.common.audit.api.AuditVerificationReport;
import org.arcc.common.audit.api.CrossCheckRequest;
import org.arcc.common.audit.api.SignedHeadsView;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.vocabulary.ProblemType;

/**
 * The audit verification endpoints of every service (each service's resource has its own path prefix, so the
 * gateway can route them): a check on demand, a cross-check against anchors another service holds, and the
 * anchors held here.
 */
@ApplicationScoped
public class AuditReports {

    @Inject
    AuditWatch watch;

    @Inject
    AuditAnchors anchors;

    @Inject
    Clock clock;

    /** Checks the trail now: every chain for an administrator, the caller's cell for a supervisor. */
    public AuditVerificationReport verify(Caller caller) {
        AuditChainVerifier.Verification result = watch.check(List.of());
        if (caller.hasRole(AccessScope.ADMIN_ROLE)) {
            return AuditVerificationReport.of(anchors.source(), clock.instant(), "all", result);
        }
        String cell = caller.requireCell();
        return AuditVerificationReport.of(anchors.source(), clock.instant(), "cell " + cell, result.concerning(cell));
    }

    /**
     * Checks the trail against the anchors given as well: anchors of this service kept by another one. An anchor
     * of another source, or one this service's key did not sign, is refused: it could only mislead.
     */
    public AuditVerificationReport crossCheck(CrossCheckRequest request) {
        List<AuditAnchor> held = new ArrayList<>();
        for (int i = 0; i < request.anchors().size(); i++) {
            SignedHeadsView view = request.anchors().get(i);
            if (!anchors.source().equals(view.source())) {
                throw new ProblemException(ProblemType.VALIDATION, "anchors[" + i + "] is of " + view.source()
                        + ", not of " + anchors.source() + ": give it to that service's verification");
            }
            AuditAnchor anchor = view.toAnchor();
            if (!anchor.signedBy(anchors.publicKey())) {
                throw new ProblemException(ProblemType.VALIDATION, "anchors[" + i + "] (signed at " + view.signedAt()
                        + ") does not carry a valid signature of " + anchors.source() + ": it is refused");
            }
            held.add(anchor);
        }
        return AuditVerificationReport.of(anchors.source(), clock.instant(), "all", watch.check(held));
    }

    /** The newest anchors of {@code source} held here: a peer's, or this service's own. */
    public AnchorsHeld held(String source, int limit) {
        if (anchors.keyOf(source).isEmpty()) {
            throw ProblemException.notFound("Anchors of " + source);
        }
        return new AnchorsHeld(source, anchors.held(source, limit).stream().map(SignedHeadsView::of).toList());
    }
}
