package org.arcc.cases.domain.consent;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.arcc.cases.domain.AgeBand;
import org.arcc.cases.domain.Consent;
import org.arcc.cases.domain.ConsentGiver;
import org.arcc.cases.domain.ConsentPurpose;
import org.arcc.cases.domain.Decision;
import org.arcc.cases.domain.SurvivorCase;

/**
 * Who may give a consent and what it must say: for the age bands policy names a guardian gives it, otherwise the
 * survivor herself; for the bands that need it the child's own assent is recorded too; a SHARING consent, and only
 * that, names its recipient. A consent is withdrawn once; withdrawing a SHARING consent ends the onward referrals
 * that rest on it.
 * <p>
 * The rules return the consent to store (or the withdrawal); {@code service/Consents} persists and publishes.
 *
 * @param guardianConsentFor     age bands whose consents a guardian gives
 * @param childAssentRequiredFor age bands for which the child's own assent must be recorded
 */
public record ConsentRules(Set<AgeBand> guardianConsentFor, Set<AgeBand> childAssentRequiredFor) {

    /** A consent as the caller records it. */
    public record Give(ConsentPurpose purpose, ConsentGiver givenBy, Boolean childAssent, String recipient) {
    }

    /**
     * A consent withdrawn.
     *
     * @param consent             the consent, now marked withdrawn
     * @param endsOnwardReferrals it was a SHARING consent: the open onward referrals resting on it are withdrawn too
     */
    public record Withdrawn(Consent consent, boolean endsOnwardReferrals) {
    }

    /** Decides a consent for the case, recorded by {@code recordedBy} at {@code at}: the new consent, not yet stored. */
    public Decision<Consent> give(SurvivorCase c, Give command, String recordedBy, Instant at) {
        boolean guardianGives = guardianConsentFor.contains(c.ageBand);
        if (guardianGives && command.givenBy() != ConsentGiver.GUARDIAN) {
            return Decision.invalid("For a survivor in age band " + c.ageBand
                    + " a guardian gives consent (givenBy GUARDIAN)");
        }
        if (!guardianGives && command.givenBy() != ConsentGiver.SURVIVOR) {
            return Decision.invalid("An adult survivor gives consent herself (givenBy SURVIVOR)");
        }
        if (childAssentRequiredFor.contains(c.ageBand) && !Boolean.TRUE.equals(command.childAssent())) {
            return Decision.invalid("For age band " + c.ageBand
                    + " the child's own assent must be recorded (childAssent true)");
        }
        if ((command.purpose() == ConsentPurpose.SHARING) != (command.recipient() != null)) {
            return Decision.invalid(command.purpose() == ConsentPurpose.SHARING
                    ? "A SHARING consent names its recipient (the partner id)"
                    : "Only a SHARING consent has a recipient");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.caseId = c.id;
        consent.purpose = command.purpose();
        consent.recipient = command.recipient();
        consent.givenBy = command.givenBy();
        consent.childAssent = command.childAssent();
        consent.givenAt = at;
        consent.recordedBy = recordedBy;
        return Decision.taken(consent);
    }

    /** Decides the withdrawal of a consent by {@code withdrawnBy} at {@code at}. */
    public static Decision<Withdrawn> withdraw(Consent consent, String withdrawnBy, Instant at) {
        if (!consent.active()) {
            return Decision.conflict("This consent was already withdrawn on " + consent.withdrawnAt);
        }
        consent.withdrawnAt = at;
        consent.withdrawnBy = withdrawnBy;
        return Decision.taken(new Withdrawn(consent, consent.purpose == ConsentPurpose.SHARING));
    }
}
