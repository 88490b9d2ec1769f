package org.arcc.cases.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.Cell;
import org.arcc.cases.domain.IntakeChannel;
import org.arcc.cases.domain.Referral;
import org.arcc.cases.domain.referral.ReferralRules;
import org.arcc.common.crypto.FieldCipher;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.ReferralAccepted;
import org.arcc.contracts.cases.ReferralDeclined;
import org.arcc.contracts.cases.ReferralReceived;

/**
 * Referrals in from partner NGOs. A partner sees only its own referrals' status, never the case; the
 * receiving cell triages: accepting opens a linked case, declining records why. Every change is published
 * and pushed to the partner's webhook. The rules are {@link ReferralRules}.
 */
@ApplicationScoped
public class Referrals {

    @Inject
    FieldCipher cipher;

    @Inject
    Outbox outbox;

    @Inject
    PartnerWebhooks webhooks;

    @Inject
    CaseIntake intake;

    @Inject
    Clock clock;

    @Transactional
    public Referral receive(Caller partner, ReferralRules.Refer command) {
        Referral r = ReferralRules.receive(partner.partner(), command, Cell.findById(command.cell()) != null,
                clock.instant()).orElseThrow();
        r.persist();
        outbox.record(ReferralReceived.TYPE, r.id.toString(), new ReferralReceived(r.id, r.partner, r.cellCode,
                r.ageBand.name(), r.incidentCategory.name(), r.receivedAt));
        webhooks.queue(r);
        return r;
    }

    /** A referral as the caller may see it: a partner its own, staff their cell's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Referral find(Caller caller, UUID id) {
        return visible(caller, id).orElseThrow(() -> ProblemException.notFound("Referral " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Referral> list(Caller caller) {
        if (caller.partner().isPresent()) {
            return Referral.list("partner = ?1 order by receivedAt desc", caller.partner().get());
        }
        return Referral.list("cellCode = ?1 order by receivedAt desc", caller.requireCell());
    }

    @Transactional
    public Referral accept(Caller caller, UUID id) {
        Referral r = ofMyCell(caller, id);
        // The case starts from what the partner said: its age band and incident category; the rest the cell
        // records when it meets the survivor.
        ReferralRules.accept(r, () -> intake.open(caller, new CaseIntake.OpenCase(IntakeChannel.NGO_REFERRAL, r.ageBand,
                clock.instant(), null, null, r.incidentCategory, List.of(), List.of(), List.of())).id, caller.subject(),
                clock.instant()).orElseThrow();
        outbox.record(ReferralAccepted.TYPE, r.id.toString(), new ReferralAccepted(r.id, r.partner, r.cellCode,
                r.caseId, r.decidedAt));
        webhooks.queue(r);
        return r;
    }

    @Transactional
    public Referral decline(Caller caller, UUID id, String reason) {
        Referral r = ofMyCell(caller, id);
        ReferralRules.decline(r, caller.subject(), clock.instant()).orElseThrow();
        FieldCipher.OpenKey key = cipher.newDataKey(r.id.toString());
        r.dataKeyId = key.id();
        r.declineReason = cipher.encrypt(key, Referral.DECLINE_REASON, reason);
        outbox.record(ReferralDeclined.TYPE, r.id.toString(), new ReferralDeclined(r.id, r.partner, r.cellCode, r.decidedAt));
        webhooks.queue(r);
        return r;
    }

    private Referral ofMyCell(Caller caller, UUID id) {
        return Referral.<Referral>find("id = ?1 and cellCode = ?2", id, caller.requireCell()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Referral " + id));
    }

    private static java.util.Optional<Referral> visible(Caller caller, UUID id) {
        if (caller.partner().isPresent()) {
            return Referral.find("id = ?1 and partner = ?2", id, caller.partner().get()).firstResultOptional();
        }
        return Referral.find("id = ?1 and cellCode = ?2", id, caller.requireCell()).firstResultOptional();
    }
}
