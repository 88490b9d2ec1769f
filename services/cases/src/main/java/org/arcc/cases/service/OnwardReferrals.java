package org.arcc.cases.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.Consent;
import org.arcc.cases.domain.OnwardReferral;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.domain.referral.OnwardReferralRules;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.crypto.FieldCipher;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.OnwardReferralAcknowledged;
import org.arcc.contracts.cases.OnwardReferralMade;
import org.arcc.contracts.cases.OnwardReferralWithdrawn;
import org.arcc.vocabulary.ProblemType;

/**
 * Onward referrals from a cell to a partner NGO. Each rests on an active SHARING consent naming that partner;
 * the partner sees only codes (what is asked, how urgently, age band, sex/gender, disability flags) and a
 * contact reference, never the case. Withdrawing the consent withdraws every open referral that rests on it. The
 * rules are {@link OnwardReferralRules}; this class loads, seals the note, persists, publishes and queues webhooks.
 */
@ApplicationScoped
public class OnwardReferrals {

    static final String RESOURCE = "case-onward-referral";
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final SecureRandom random = new SecureRandom();

    @Inject
    CaseAccess access;

    @Inject
    Outbox outbox;

    @Inject
    FieldCipher cipher;

    @Inject
    PartnerWebhooks webhooks;

    @Inject
    Clock clock;

    /** An onward referral as the cell's staff read it back, note decrypted. */
    public record Referred(OnwardReferral record, String note) {
    }

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public Referred refer(Caller caller, AccessScope scope, UUID caseId, OnwardReferralRules.Refer command) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.CREATE, RESOURCE, Purpose.REFERRAL.name());
        Instant now = clock.instant();
        OnwardReferral r = OnwardReferralRules.refer(c, Consent.activeSharingWith(c.id, command.partner()), command,
                c.cellCode + "-OR-" + code(8), caller.subject(), now).orElseThrow();
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (note != null) {
            FieldCipher.OpenKey key = cipher.newDataKey(r.id.toString());
            r.dataKeyId = key.id();
            r.note = cipher.encrypt(key, "note", note);
        }
        r.persist();
        outbox.record(OnwardReferralMade.TYPE, c.id.toString(), new OnwardReferralMade(c.id, r.id, r.cellCode, r.partner,
                r.consentId, r.serviceKind.name(), r.urgency.name(), r.madeAt));
        webhooks.queue(r);
        access.succeeded(caller, scope, AuditAction.CREATE, RESOURCE, c, Purpose.REFERRAL.name());
        return new Referred(r, note);
    }

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public List<Referred> ofCase(Caller caller, AccessScope scope, UUID caseId) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.LIST, RESOURCE, Purpose.REFERRAL.name());
        access.succeeded(caller, scope, AuditAction.LIST, RESOURCE, c, Purpose.REFERRAL.name());
        return OnwardReferral.ofCase(c.id).stream().map(r -> new Referred(r, r.note == null ? null
                : cipher.decrypt(cipher.open(r.dataKeyId, r.id.toString()), "note", r.note))).toList();
    }

    /** The partner's own onward referrals, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OnwardReferral> forPartner(Caller caller) {
        return OnwardReferral.ofPartner(partnerOf(caller));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OnwardReferral findForPartner(Caller caller, UUID id) {
        return OnwardReferral.<OnwardReferral>find("id = ?1 and partner = ?2", id, partnerOf(caller)).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Onward referral " + id));
    }

    /** The partner accepts or declines (with a reason code); only a referral still waiting can be acknowledged. */
    @Transactional
    public OnwardReferral acknowledge(Caller caller, UUID id, OnwardReferral.Status decision,
            OnwardReferral.DeclineReason declineReason) {
        OnwardReferralRules.Acknowledge answer = OnwardReferralRules.Acknowledge.of(decision, declineReason).orElseThrow();
        OnwardReferral r = findForPartner(caller, id);
        OnwardReferralRules.acknowledge(r, answer, clock.instant()).orElseThrow();
        outbox.record(OnwardReferralAcknowledged.TYPE, r.caseId.toString(), new OnwardReferralAcknowledged(r.caseId, r.id,
                r.cellCode, r.partner, decision.name(), declineReason == null ? null : declineReason.name(),
                r.acknowledgedAt));
        return r;
    }

    /**
     * A SHARING consent was withdrawn: every open referral resting on it is withdrawn, published, and pushed
     * to the partner, who must stop using what it received.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawUnder(Consent consent) {
        Instant now = clock.instant();
        for (OnwardReferral r : OnwardReferralRules.withdrawUnder(consent, OnwardReferral.openUnder(consent.id), now)) {
            outbox.record(OnwardReferralWithdrawn.TYPE, r.caseId.toString(), new OnwardReferralWithdrawn(r.caseId, r.id,
                    r.cellCode, r.partner, consent.id, now));
            webhooks.queue(r);
        }
    }

    private static String partnerOf(Caller caller) {
        return caller.partner().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "Onward referrals are read by partner clients whose token names the partner"));
    }

    private String code(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }
}
