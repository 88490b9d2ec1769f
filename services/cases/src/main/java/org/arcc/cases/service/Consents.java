package org.arcc.cases.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.config.CasesSettings;
import org.arcc.cases.domain.Consent;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.domain.consent.ConsentRules;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.ConsentGiven;
import org.arcc.contracts.cases.ConsentWithdrawn;

/** Recording consent per purpose under the configured age rules ({@link ConsentRules}), and its withdrawal. */
@ApplicationScoped
public class Consents {

    static final String RESOURCE = "case-consent";

    @Inject
    CaseAccess access;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    CasesSettings rules;

    @Inject
    OnwardReferrals onwardReferrals;

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public Consent give(Caller caller, AccessScope scope, UUID caseId, ConsentRules.Give command) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.CREATE, RESOURCE, Purpose.CARE.name());
        Consent consent = new ConsentRules(rules.guardianConsentFor(), rules.childAssentRequiredFor())
                .give(c, command, caller.subject(), clock.instant()).orElseThrow();
        consent.persist();
        outbox.record(ConsentGiven.TYPE, c.id.toString(), new ConsentGiven(c.id, consent.id, c.cellCode,
                consent.purpose.name(), consent.recipient, consent.givenBy.name(), consent.givenAt));
        access.succeeded(caller, scope, AuditAction.CREATE, RESOURCE, c, Purpose.CARE.name());
        return consent;
    }

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public Consent withdraw(Caller caller, AccessScope scope, UUID caseId, UUID consentId) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.UPDATE, RESOURCE, Purpose.CARE.name());
        Consent consent = Consent.<Consent>find("id = ?1 and caseId = ?2", consentId, c.id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Consent " + consentId));
        ConsentRules.Withdrawn withdrawn = ConsentRules.withdraw(consent, caller.subject(), clock.instant()).orElseThrow();
        outbox.record(ConsentWithdrawn.TYPE, c.id.toString(), new ConsentWithdrawn(c.id, consent.id, c.cellCode,
                consent.purpose.name(), consent.recipient, consent.withdrawnAt));
        if (withdrawn.endsOnwardReferrals()) {
            onwardReferrals.withdrawUnder(consent);
        }
        access.succeeded(caller, scope, AuditAction.UPDATE, RESOURCE, c, Purpose.CARE.name());
        return consent;
    }

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public List<Consent> list(Caller caller, AccessScope scope, UUID caseId) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.LIST, RESOURCE, Purpose.CARE.name());
        access.succeeded(caller, scope, AuditAction.LIST, RESOURCE, c, Purpose.CARE.name());
        return Consent.ofCase(c.id);
    }
}
