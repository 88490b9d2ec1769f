package org.arcc.legal.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.arcc.legal.domain.DueDate;
import org.arcc.legal.domain.Happened;
import org.arcc.legal.domain.LegalFile;

/**
 * What the legal-aid service publishes, through the outbox in the use case's transaction. Payloads carry ids,
 * codes, dates and the court's own references; never the survivor's initials or anything typed about her.
 */
@ApplicationScoped
public class LegalEvents {

    // Step 4 of issue 13 (contracts arcc.legal.*) fills these in; until then nothing is published.

    void firRegistered(LegalFile file, Happened.FirRegistered done) {
    }

    void firRefused(LegalFile file, Happened.FirRefused done) {
    }

    void lawyerAssigned(LegalFile file, Happened.LawyerAssigned done) {
    }

    void hearingRecorded(LegalFile file, Happened.HearingRecorded done) {
    }

    void verdictRecorded(LegalFile file, Happened.VerdictRecorded done) {
    }

    void breaches(LegalFile file, List<DueDate> due) {
    }
}
