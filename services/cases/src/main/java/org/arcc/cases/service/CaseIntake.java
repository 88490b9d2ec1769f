package org.arcc.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.cases.domain.AgeBand;
import org.arcc.cases.domain.CaseReferences;
import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.Cell;
import org.arcc.cases.domain.IntakeChannel;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.problem.ProblemType;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.CaseOpened;

/** Opening a case at the caller's cell, and reading cases back within that cell. */
@ApplicationScoped
public class CaseIntake {

    /** References count per calendar year in Pakistan Standard Time. */
    private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    /** Purpose code of the case workflow itself (reading or writing a case's non-identity record). */
    static final String CASE_WORK = "CASE_WORK";

    @Inject
    CaseReferences references;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    CaseAccess access;

    @Inject
    org.arcc.cases.config.CasesSettings rules;

    public record OpenCase(IntakeChannel channel, AgeBand ageBand, Instant arrivedAt) {
    }

    @Transactional
    public SurvivorCase open(Caller caller, OpenCase command) {
        String cellCode = caller.requireCell();
        if (Cell.findById(cellCode) == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Your token names a cell that does not exist");
        }
        Instant now = clock.instant();
        if (command.arrivedAt().isAfter(now.plusSeconds(300))) {
            throw new ProblemException(ProblemType.VALIDATION, "arrivedAt lies in the future");
        }
        SurvivorCase c = new SurvivorCase();
        c.id = UUID.randomUUID();
        c.cellCode = cellCode;
        c.reference = references.next(cellCode, now.atZone(PAKISTAN).getYear());
        c.channel = command.channel();
        c.ageBand = command.ageBand();
        c.status = CaseStatus.INTAKE;
        c.arrivedAt = command.arrivedAt();
        c.openedAt = now;
        c.openedBy = caller.subject();
        c.examDueAt = c.arrivedAt.plus(rules.medicoLegalExamDeadline());
        c.persist();
        outbox.record(CaseOpened.TYPE, c.id.toString(), new CaseOpened(c.id, c.reference, c.cellCode,
                c.channel.name(), c.ageBand.name(), c.arrivedAt, c.openedAt));
        access.succeeded(caller, AccessScope.ownCell(caller), AuditAction.CREATE, CaseAccess.CASE, c, CASE_WORK);
        return c;
    }

    @Transactional(dontRollbackOn = CaseNotFound.class)
    public SurvivorCase find(Caller caller, AccessScope scope, UUID id) {
        SurvivorCase c = access.load(caller, scope, id, AuditAction.READ, CaseAccess.CASE, CASE_WORK);
        access.succeeded(caller, scope, AuditAction.READ, CaseAccess.CASE, c, CASE_WORK);
        return c;
    }
}
