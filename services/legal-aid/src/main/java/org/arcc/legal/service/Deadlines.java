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

    /** The file's due dates as they stand now, written through to the deadline table. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DueDate> refresh(LegalFile file) {
        List<DueDate> due = rules.dueDates(file, CaseConsent.stands(file.caseId, CaseConsent.POLICE_REPORT));
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
        return due;
    }

    public Instant now() {
        return clock.instant();
    }
}
