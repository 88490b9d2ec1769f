package org.arcc.legal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.arcc.legal.domain.CaseConsent;
import org.arcc.legal.domain.DeadlineCode;
import org.arcc.legal.domain.DeadlineRow;
import org.arcc.legal.domain.DeadlineRules;
import org.arcc.legal.domain.DueDate;
import org.arcc.legal.domain.LegalFile;

/**
 * Keeps a file's due dates in the deadline table after every change to the file (and to its consents), so the
 * per-cell lists of upcoming and overdue deadlines are one query.
 */
@ApplicationScoped
public class Deadlines {

    @Inject
    DeadlineRules rules;

    @Inject
    Clock clock;

    @Inject
    org.arcc.legal.config.LegalSettings settings;

    @Inject
    org.arcc.common.audit.AuditTrail audit;

    @Inject
    LegalEvents events;

    /** The file's due dates as they stand now (nothing written). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DueDate> of(LegalFile file) {
        return rules.dueDates(file, CaseConsent.stands(file.caseId, CaseConsent.POLICE_REPORT));
    }

    /**
     * The file's due dates as they stand now, written through to the deadline table; a deadline missed (overdue,
     * or met late by the step just recorded) is published once. Called with the file locked or from its consumer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DueDate> refresh(LegalFile file) {
        List<DueDate> due = of(file);
        Set<DeadlineCode> applicable = EnumSet.noneOf(DeadlineCode.class);
        for (DueDate d : due) {
            applicable.add(d.rule().code());
            DeadlineRow row = DeadlineRow.findById(new DeadlineRow.Key(file.caseId, d.rule().code()));
            if (row == null) {
                row = new DeadlineRow();
                row.caseId = file.caseId;
                row.rule = d.rule().code();
                row.cellCode = file.cellCode;
                row.dueAt = d.dueAt();
                row.metAt = d.metAt();
                row.persist();
            } else {
                row.cellCode = file.cellCode;
                row.dueAt = d.dueAt();
                row.metAt = d.metAt();
            }
        }
        for (DeadlineRow row : DeadlineRow.<DeadlineRow>list("caseId", file.caseId)) {
            if (!applicable.contains(row.rule) && row.breachedAt == null) {
                row.delete();
            }
        }
        if (!file.isClosed()) {
            Instant now = clock.instant();
            for (DueDate d : due) {
                if (d.breached(now)) {
                    claimBreach(file, d, now);
                }
            }
        }
        return due;
    }

    /**
     * Marks the breach and publishes it, unless it was marked before: the conditional update decides, so two
     * transactions that see the same breach (the watcher and a late step) publish it once.
     */
    private void claimBreach(LegalFile file, DueDate d, Instant now) {
        DeadlineRow.getEntityManager().flush();
        int claimed = DeadlineRow.getEntityManager().createNativeQuery("UPDATE deadline SET breached_at = ?1"
                + " WHERE case_id = ?2 AND rule = ?3 AND breached_at IS NULL")
                .setParameter(1, now).setParameter(2, file.caseId).setParameter(3, d.rule().code().name())
                .executeUpdate();
        if (claimed == 1) {
            DeadlineRow row = DeadlineRow.findById(new DeadlineRow.Key(file.caseId, d.rule().code()));
            DeadlineRow.getEntityManager().refresh(row);
            events.deadlineBreached(file, d, now);
        }
    }

    /** Open files with a deadline that passed and is not yet marked: the watcher's work list. */
    @Transactional
    public List<java.util.UUID> overdueUnmarked() {
        return DeadlineRow.getEntityManager().createQuery("select distinct d.caseId from DeadlineRow d, LegalFile f"
                + " where f.caseId = d.caseId and f.closedAt is null and d.breachedAt is null and d.metAt is null"
                + " and d.dueAt <= ?1", java.util.UUID.class).setParameter(1, clock.instant()).getResultList();
    }

    /** One entry of a cell's deadline list. */
    public record Listed(java.util.UUID caseId, String caseReference, DeadlineCode rule, Instant dueAt, boolean statutory,
            String source, Instant breachedAt) {
    }

    public enum Status {
        OVERDUE, UPCOMING
    }

    /**
     * The caller's cell's open deadlines of open files: overdue (due date passed, step not taken), or upcoming
     * (due within {@code arcc.legal.upcoming-window}), soonest first. Audited as a list of the cell's files.
     */
    @Transactional
    public List<Listed> ofCell(org.arcc.common.security.Caller caller, Status status) {
        String cell = caller.requireCell();
        Instant now = clock.instant();
        String window = status == Status.OVERDUE ? "d.dueAt <= ?2" : "d.dueAt > ?2 and d.dueAt <= ?3";
        var query = DeadlineRow.getEntityManager().createQuery("select d, f.caseReference from DeadlineRow d, LegalFile f"
                + " where f.caseId = d.caseId and f.closedAt is null and d.metAt is null and d.cellCode = ?1 and "
                + window + " order by d.dueAt, d.caseId", Object[].class)
                .setParameter(1, cell).setParameter(2, now);
        if (status == Status.UPCOMING) {
            query.setParameter(3, now.plus(settings.upcomingWindow()));
        }
        List<Listed> listed = query.getResultList().stream().map(r -> {
            DeadlineRow d = (DeadlineRow) r[0];
            var rule = rules.rule(d.rule);
            return new Listed(d.caseId, (String) r[1], d.rule, d.dueAt, rule.statutory(), rule.source(), d.breachedAt);
        }).toList();
        audit.record(new org.arcc.common.audit.AuditEntry(caller, org.arcc.common.security.AccessScope.ownCell(caller),
                org.arcc.common.audit.AuditAction.LIST, "legal-deadlines", cell, cell, FileAccess.PURPOSE,
                org.arcc.common.audit.AuditOutcome.SUCCESS));
        return listed;
    }
}
