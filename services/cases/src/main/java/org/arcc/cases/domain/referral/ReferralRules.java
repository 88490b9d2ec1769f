package org.arcc.cases.domain.referral;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.arcc.cases.domain.AgeBand;
import org.arcc.cases.domain.Decision;
import org.arcc.cases.domain.IncidentCategory;
import org.arcc.cases.domain.Referral;
import org.arcc.vocabulary.ProblemType;

/**
 * The rules of referrals in from partner NGOs: only a partner client (its token names the partner) refers, only
 * with the survivor's consent to be referred, and only to an existing cell; the receiving cell accepts (a case is
 * opened for it) or declines a referral once.
 * <p>
 * The rules return the referral to store; {@code service/Referrals} opens the case, seals the decline reason,
 * persists, publishes and queues the partner's webhook.
 */
public final class ReferralRules {

    private ReferralRules() {
    }

    /** A referral as the partner sends it: codes only. */
    public record Refer(String cell, AgeBand ageBand, IncidentCategory incidentCategory, boolean consentAttested,
            String partnerReference) {
    }

    /**
     * Decides a referral sent by the partner the caller's token names (empty: not a partner client).
     *
     * @param cellExists whether the cell referred to exists
     */
    public static Decision<Referral> receive(Optional<String> partner, Refer command, boolean cellExists, Instant at) {
        if (partner.isEmpty()) {
            return Decision.refused(ProblemType.FORBIDDEN,
                    "Referrals come from partner clients whose token names the partner");
        }
        if (!command.consentAttested()) {
            return Decision.refused(ProblemType.CONSENT_REQUIRED,
                    "A referral needs the survivor's consent to be referred (consentAttested true)");
        }
        if (!cellExists) {
            return Decision.invalid("There is no cell " + command.cell());
        }
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.partner = partner.get();
        r.partnerReference = command.partnerReference();
        r.cellCode = command.cell();
        r.ageBand = command.ageBand();
        r.incidentCategory = command.incidentCategory();
        r.status = Referral.Status.RECEIVED;
        r.receivedAt = at;
        return Decision.taken(r);
    }

    /**
     * Decides the cell's acceptance: the referral is accepted and linked to the case the service opens for it
     * from the referral's age band and incident category.
     *
     * @param openCase opens the case, called only when the referral may be accepted; returns the case's id
     */
    public static Decision<Referral> accept(Referral r, Supplier<UUID> openCase, String decidedBy,
            Instant at) {
        Decision<Referral> open = decide(r, Referral.Status.ACCEPTED, decidedBy, at);
        if (open instanceof Decision.Taken<Referral>) {
            r.caseId = openCase.get();
        }
        return open;
    }

    /** Decides the cell's refusal; the service seals the reason. */
    public static Decision<Referral> decline(Referral r, String decidedBy, Instant at) {
        return decide(r, Referral.Status.DECLINED, decidedBy, at);
    }

    private static Decision<Referral> decide(Referral r, Referral.Status outcome, String decidedBy, Instant at) {
        if (r.status != Referral.Status.RECEIVED) {
            return Decision.conflict("This referral was already " + r.status.name().toLowerCase());
        }
        r.status = outcome;
        r.decidedAt = at;
        r.decidedBy = decidedBy;
        return Decision.taken(r);
    }
}
