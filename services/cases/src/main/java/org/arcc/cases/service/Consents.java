package org.arcc.cases.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.config.CasesSettings;
import org.arcc.cases.domain.Consent;
import org.arcc.cases.domain.ConsentGiver;
import org.arcc.cases.domain.ConsentPurpose;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.ConsentGiven;
import org.arcc.contracts.cases.ConsentWithdrawn;
import org.arcc.vocabulary.ProblemType;

/** Recording consent per purpose under the configured age rules, and its withdrawal. */
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

    public record GiveConsent(ConsentPurpose purpose, ConsentGiver givenBy, Boolean childAssent, String recipient) {
    }

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public Consent give(Caller caller, AccessScope scope, UUID caseId, GiveConsent command) {
        SurvivorCase c = access.load(caller, scope, caseId, AuditAction.CREATE, RESOURCE, Purpose.CARE.name());
        checkAgeRules(c, command);
        if ((command.purpose() == ConsentPurpose.SHARING) != (command.recipient() != null)) {
            throw new ProblemException(ProblemType.VALIDATION, command.purpose() == ConsentPurpose.SHARING
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
        consent.givenAt = clock.instant();
        consent.recordedBy = caller.subject();
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
        if (!consent.active()) {
            throw ProblemException.conflict("This consent was already withdrawn on " + consent.withdrawnAt);
        }
        consent.withdrawnAt = clock.instant();
        consent.withdrawnBy = caller.subject();
        outbox.record(ConsentWithdrawn.TYPE, c.id.toString(), new ConsentWithdrawn(c.id, consent.id, c.cellCode,
                consent.purpose.name(), consent.recipient, consent.withdrawnAt));
        if (consent.purpose == ConsentPurpose.SHARING) {
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

    private void checkAgeRules(SurvivorCase c, GiveConsent command) {
        boolean guardianGives = rules.guardianConsentFor().contains(c.ageBand);
        if (guardianGives && command.givenBy() != ConsentGiver.GUARDIAN) {
            throw new ProblemException(ProblemType.VALIDATION, "For a survivor in age band " + c.ageBand
                    + " a guardian gives consent (givenBy GUARDIAN)");
        }
        if (!guardianGives && command.givenBy() != ConsentGiver.SURVIVOR) {
            throw new ProblemException(ProblemType.VALIDATION, "An adult survivor gives consent herself (givenBy SURVIVOR)");
        }
        if (rules.childAssentRequiredFor().contains(c.ageBand) && !Boolean.TRUE.equals(command.childAssent())) {
            throw new ProblemException(ProblemType.VALIDATION, "For age band " + c.ageBand
                    + " the child's own assent must be recorded (childAssent true)");
        }
    }
}
