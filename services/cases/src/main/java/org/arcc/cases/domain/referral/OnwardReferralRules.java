package org.arcc.cases.domain.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.Consent;
import org.arcc.cases.domain.Decision;
import org.arcc.cases.domain.Disability;
import org.arcc.cases.domain.OnwardReferral;
import org.arcc.cases.domain.SexGender;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.vocabulary.ProblemType;

/**
 * The rules of onward referrals from a cell to a partner NGO: a closed case is not referred; each referral rests on
 * an active SHARING consent naming that partner and carries only codes; the partner accepts or declines (with a
 * reason code) a referral still waiting; withdrawing the consent withdraws every open referral resting on it.
 * <p>
 * The rules return what to store; {@code service/OnwardReferrals} seals the note, persists, publishes and queues
 * the partner's webhook.
 */
public final class OnwardReferralRules {

    private OnwardReferralRules() {
    }

    /** An onward referral as the cell makes it; the note is staff free text, sealed by the service. */
    public record Refer(String partner, OnwardReferral.ServiceKind serviceKind, OnwardReferral.Urgency urgency,
            SexGender sexGender, List<Disability> disabilities, String note) {
        @Override
        public String toString() {
            return "Refer[" + partner + ", " + serviceKind + ", note redacted]";
        }
    }

    /** The partner's answer: ACCEPTED, or DECLINED with a reason code. */
    public record Acknowledge(OnwardReferral.Status decision, OnwardReferral.DeclineReason declineReason) {

        /** The answer, if it is one: a decision of ACCEPTED or DECLINED, and a reason code with a decline only. */
        public static Decision<Acknowledge> of(OnwardReferral.Status decision,
                OnwardReferral.DeclineReason declineReason) {
            if (decision != OnwardReferral.Status.ACCEPTED && decision != OnwardReferral.Status.DECLINED) {
                return Decision.invalid("decision is ACCEPTED or DECLINED");
            }
            if ((decision == OnwardReferral.Status.DECLINED) != (declineReason != null)) {
                return Decision.invalid(decision == OnwardReferral.Status.DECLINED
                        ? "A decline gives a declineReason (NO_CAPACITY, OUT_OF_AREA, NOT_ELIGIBLE or OTHER)"
                        : "Only a decline gives a declineReason");
            }
            return Decision.taken(new Acknowledge(decision, declineReason));
        }
    }

    /**
     * Decides an onward referral of the case: the new referral, not yet stored, without its note.
     *
     * @param sharing          the case's active SHARING consent naming the partner, if it holds one
     * @param contactReference the reference the partner quotes when it contacts the cell
     */
    public static Decision<OnwardReferral> refer(SurvivorCase c, Optional<Consent> sharing, Refer command,
            String contactReference, String madeBy, Instant at) {
        if (c.status == CaseStatus.CLOSED) {
            return Decision.conflict("The case is closed; reopen it to refer the survivor onward");
        }
        if (sharing.isEmpty()) {
            return Decision.refused(ProblemType.CONSENT_REQUIRED, "An onward referral to " + command.partner()
                    + " needs the survivor's SHARING consent naming that partner, and the case holds none (or it was withdrawn)");
        }
        OnwardReferral r = new OnwardReferral();
        r.id = UUID.randomUUID();
        r.caseId = c.id;
        r.cellCode = c.cellCode;
        r.partner = command.partner();
        r.consentId = sharing.get().id;
        r.serviceKind = command.serviceKind();
        r.urgency = command.urgency();
        r.ageBand = c.ageBand;
        r.sexGender = command.sexGender();
        r.disabilities(command.disabilities());
        r.contactReference = contactReference;
        r.status = OnwardReferral.Status.SENT;
        r.madeAt = at;
        r.madeBy = madeBy;
        return Decision.taken(r);
    }

    /** Decides the partner's answer to a referral: only one still waiting (SENT) is acknowledged. */
    public static Decision<OnwardReferral> acknowledge(OnwardReferral r, Acknowledge answer, Instant at) {
        if (r.status != OnwardReferral.Status.SENT) {
            return Decision.conflict("This onward referral is already " + r.status.name().toLowerCase());
        }
        r.status = answer.decision();
        r.declineReason = answer.declineReason();
        r.acknowledgedAt = at;
        return Decision.taken(r);
    }

    /**
     * A SHARING consent was withdrawn: every open one of the referrals that rested on it is withdrawn.
     *
     * @return the referrals withdrawn now, for the service to publish and push to their partners
     */
    public static List<OnwardReferral> withdrawUnder(Consent consent, List<OnwardReferral> referrals, Instant at) {
        List<OnwardReferral> withdrawn = referrals.stream()
                .filter(r -> r.consentId.equals(consent.id) && r.status.open()).toList();
        for (OnwardReferral r : withdrawn) {
            r.status = OnwardReferral.Status.WITHDRAWN;
            r.withdrawnAt = at;
        }
        return withdrawn;
    }
}
