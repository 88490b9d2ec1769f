package org.arcc.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.arcc.cases.domain.AgeBand;
import org.arcc.cases.domain.CaseReferences;
import org.arcc.cases.domain.CaseStatus;
import org.arcc.cases.domain.Cell;
import org.arcc.cases.domain.Disability;
import org.arcc.cases.domain.IncidentCategory;
import org.arcc.cases.domain.IntakeRules;
import org.arcc.cases.domain.IntakeChannel;
import org.arcc.cases.domain.LegalSection;
import org.arcc.cases.domain.SexGender;
import org.arcc.cases.domain.SurvivorCase;
import org.arcc.cases.domain.Vulnerability;
import org.arcc.common.outbox.Outbox;
import org.arcc.common.problem.ProblemException;
import org.arcc.common.audit.AuditAction;
import org.arcc.common.security.AccessScope;
import org.arcc.common.security.Caller;
import org.arcc.contracts.cases.CaseOpened;
import org.arcc.contracts.cases.CaseOpenedV2;
import org.arcc.vocabulary.ProblemType;

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
    org.arcc.common.audit.AuditTrail audit;

    @Inject
    org.arcc.cases.config.CasesSettings rules;

    @Inject
    Workflow workflow;

    /**
     * What intake records. Channel, age band and arrival are required; sex/gender null means not stated, and an
     * unknown incident date, an unclassified incident or no flags are null or empty.
     */
    public record OpenCase(IntakeChannel channel, AgeBand ageBand, Instant arrivedAt, SexGender sexGender,
            LocalDate incidentDate, IncidentCategory incidentType, List<LegalSection> legalSections,
            List<Disability> disabilities, List<Vulnerability> vulnerabilities) {
    }

    @Transactional
    public SurvivorCase open(Caller caller, OpenCase command) {
        String cellCode = caller.requireCell();
        Instant now = clock.instant();
        if (command.arrivedAt().isAfter(now.plusSeconds(300))) {
            throw new ProblemException(ProblemType.VALIDATION, "arrivedAt lies in the future");
        }
        // The API checked these already (naming the field); other callers, such as an accepted referral, did not.
        IntakeRules.check(command.ageBand(), command.arrivedAt(), command.incidentDate(), command.vulnerabilities())
                .stream().findFirst().ifPresent(broken -> {
                    throw new ProblemException(ProblemType.VALIDATION, broken.field() + " " + broken.message());
                });
        // The reference comes from a transaction of its own, committed before this one goes on: holding the
        // cell's counter row until this commit made every intake of the cell wait for the one before it. It is
        // the first statement of the intake, so this transaction holds no connection while that one takes one.
        String reference = QuarkusTransaction.requiringNew()
                .call(() -> references.next(cellCode, now.atZone(PAKISTAN).getYear()))
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "Your token names a cell that does not exist"));
        SurvivorCase c = new SurvivorCase();
        c.id = UUID.randomUUID();
        c.cellCode = cellCode;
        c.reference = reference;
        c.channel = command.channel();
        c.ageBand = command.ageBand();
        c.sexGender = command.sexGender() == null ? SexGender.NOT_STATED : command.sexGender();
        c.incidentDate = command.incidentDate();
        c.incidentType = command.incidentType();
        c.legalSections(command.legalSections());
        c.disabilities(command.disabilities());
        c.vulnerabilities(command.vulnerabilities());
        c.status = CaseStatus.INTAKE;
        c.arrivedAt = command.arrivedAt();
        c.openedAt = now;
        c.openedBy = caller.subject();
        c.examDueAt = c.arrivedAt.plus(rules.medicoLegalExamDeadline());
        c.persist();
        outbox.record(CaseOpened.TYPE, c.id.toString(), new CaseOpened(c.id, c.reference, c.cellCode,
                c.channel.name(), c.ageBand.name(), c.arrivedAt, c.openedAt));
        outbox.record(CaseOpenedV2.TYPE, c.id.toString(), new CaseOpenedV2(c.id, c.reference, c.cellCode,
                c.channel.name(), c.ageBand.name(), c.sexGender.name(), c.incidentDate,
                c.incidentType == null ? null : c.incidentType.name(), names(c.legalSectionList()),
                names(c.disabilityList()), names(c.vulnerabilityList()), c.arrivedAt, c.openedAt));
        access.succeeded(caller, AccessScope.ownCell(caller), AuditAction.CREATE, CaseAccess.CASE, c, CASE_WORK);
        return c;
    }

    private static List<String> names(List<? extends Enum<?>> codes) {
        return codes.stream().map(Enum::name).toList();
    }

    /** Filters of a case list; nulls mean "any". */
    public record CaseFilter(org.arcc.cases.domain.CaseStatus status, IntakeChannel channel, Instant openedFrom,
            Instant openedTo, Boolean examDeadlineBreached, IncidentCategory incidentType) {
    }

    /** One page of the caller's cell's cases, newest first, and how many match in all. */
    public record CasePage(java.util.List<SurvivorCase> items, long total) {
    }

    @Transactional
    public CasePage list(Caller caller, CaseFilter filter, int page, int size) {
        String cell = caller.requireCell();
        StringBuilder where = new StringBuilder("cellCode = :cell");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("cell", cell);
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.incidentType() != null) {
            where.append(" and incidentType = :incidentType");
            params.put("incidentType", filter.incidentType());
        }
        if (filter.openedFrom() != null) {
            where.append(" and openedAt >= :from");
            params.put("from", filter.openedFrom());
        }
        if (filter.openedTo() != null) {
            where.append(" and openedAt < :to");
            params.put("to", filter.openedTo());
        }
        if (filter.examDeadlineBreached() != null) {
            params.put("now", clock.instant());
            where.append(filter.examDeadlineBreached()
                    ? " and ((examDoneAt is not null and examDoneAt > examDueAt) or (examDoneAt is null and examDueAt < :now))"
                    : " and not ((examDoneAt is not null and examDoneAt > examDueAt) or (examDoneAt is null and examDueAt < :now))");
        }
        var query = SurvivorCase.<SurvivorCase>find(where + " order by openedAt desc", params);
        long total = query.count();
        java.util.List<SurvivorCase> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list();
        audit.record(new org.arcc.common.audit.AuditEntry(caller, AccessScope.ownCell(caller), AuditAction.LIST,
                CaseAccess.CASE, "case-list", cell, CASE_WORK, org.arcc.common.audit.AuditOutcome.SUCCESS));
        return new CasePage(items, total);
    }

    /** A case as its reader sees it: the record and its reopenings. */
    public record CaseRead(SurvivorCase found, List<Workflow.Reopened> reopenings) {
    }

    /**
     * Reads a case and its reopenings in one transaction, audited: the audit row is its last statement, so the
     * audit chain is locked only until the commit right after it, and nothing is returned unless it committed.
     */
    @Transactional(dontRollbackOn = CaseNotFound.class)
    public CaseRead read(Caller caller, AccessScope scope, UUID id) {
        SurvivorCase c = access.load(caller, scope, id, AuditAction.READ, CaseAccess.CASE, CASE_WORK);
        List<Workflow.Reopened> reopenings = workflow.reopenings(caller, c.id);
        access.succeeded(caller, scope, AuditAction.READ, CaseAccess.CASE, c, CASE_WORK);
        return new CaseRead(c, reopenings);
    }
}
