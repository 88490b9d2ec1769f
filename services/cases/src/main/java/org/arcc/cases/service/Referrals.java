package org.arcc.cases.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.AgeBand;
import org.arcc.cases.domain.Cell;
import org.arcc.cases.domain.IncidentCategory;
import org.arcc.cases.domain.IntakeChannel;
import org.arcc.cases.domain.Referral;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.common.crypto.FieldCipher;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.ReferralAccepted;
import org.arcc.contracts.cases.ReferralDeclined;
import org.arcc.contracts.cases.ReferralReceived;
import org.arcc.vocabulary.ProblemType;

/**
 * Referrals in from partner NGOs. A partner sees only its own referrals' status, never the case; the
 * receiving cell triages: accepting opens a linked case, declining records why. Every change is published
 * and pushed to the partner's webhook.
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

    public record Refer(String cell, AgeBand ageBand, IncidentCategory incidentCategory, boolean consentAttested,
            String partnerReference) {
    }

    @Transactional
    public Referral receive(Caller partner, Refer command) {
        String partnerId = partner.partner().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "Referrals come from partner clients whose token names the partner"));
        if (!command.consentAttested()) {
            throw new ProblemException(ProblemType.CONSENT_REQUIRED,
                    "A referral needs the survivor's consent to be referred (consentAttested true)");
        }
        if (Cell.findById(command.cell()) == null) {
            throw new ProblemException(ProblemType.VALIDATION, "There is no cell " + command.cell());
        }
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.partner = partnerId;
        r.partnerReference = command.partnerReference();
        r.cellCode = command.cell();
        r.ageBand = command.ageBand();
        r.incidentCategory = command.incidentCategory();
        r.status = Referral.Status.RECEIVED;
        r.receivedAt = clock.instant();
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
        Referral r = openForMyCell(caller, id);
        // The case starts from what the partner said: its age band and incident category; the rest the cell
        // records when it meets the survivor.
        SurvivorCase opened = intake.open(caller, new CaseIntake.OpenCase(IntakeChannel.NGO_REFERRAL, r.ageBand,
                clock.instant(), null, null, r.incidentCategory, List.of(), List.of(), List.of()));
        r.status = Referral.Status.ACCEPTED;
        r.caseId = opened.id;
        r.decidedAt = clock.instant();
        r.decidedBy = caller.subject();
        outbox.record(ReferralAccepted.TYPE, r.id.toString(), new ReferralAccepted(r.id, r.partner, r.cellCode,
                opened.id, r.decidedAt));
        webhooks.queue(r);
        return r;
    }

    @Transactional
    public Referral decline(Caller caller, UUID id, String reason) {
        Referral r = openForMyCell(caller, id);
        r.status = Referral.Status.DECLINED;
        FieldCipher.OpenKey key = cipher.newDataKey(r.id.toString());
        r.dataKeyId = key.id();
        r.declineReason = cipher.encrypt(key, Referral.DECLINE_REASON, reason);
        r.decidedAt = clock.instant();
        r.decidedBy = caller.subject();
        outbox.record(ReferralDeclined.TYPE, r.id.toString(), new ReferralDeclined(r.id, r.partner, r.cellCode, r.decidedAt));
        webhooks.queue(r);
        return r;
    }

    private Referral openForMyCell(Caller caller, UUID id) {
        Referral r = Referral.<Referral>find("id = ?1 and cellCode = ?2", id, caller.requireCell()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Referral " + id));
        if (r.status != Referral.Status.RECEIVED) {
            throw ProblemException.conflict("This referral was already " + r.status.name().toLowerCase());
        }
        return r;
    }

    private static java.util.Optional<Referral> visible(Caller caller, UUID id) {
        if (caller.partner().isPresent()) {
            return Referral.find("id = ?1 and partner = ?2", id, caller.partner().get()).firstResultOptional();
        }
        return Referral.find("id = ?1 and cellCode = ?2", id, caller.requireCell()).firstResultOptional();
    }
}
