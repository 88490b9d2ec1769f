package org.arcc.contracts.legal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arcc.contracts.EventType;
import org.arcc.contracts.Topics;

/**
 * The special court decided a case. Reporting counts outcomes and trial duration from it.
 *
 * @param caseId         the case
 * @param cell           cell code
 * @param outcome        CONVICTED, ACQUITTED or OTHER
 * @param sections       legal section codes of the decision
 * @param decidedOn      the day of the verdict
 * @param reachedCourtOn the day the case reached the court
 * @param trialDays      days from reaching the court to the verdict
 */
public record VerdictRecorded(UUID caseId, String cell, String outcome, List<String> sections, LocalDate decidedOn,
        LocalDate reachedCourtOn, long trialDays) {

    public static final EventType TYPE = new EventType("arcc.legal.verdict-recorded.v1", Topics.LEGAL, "legal-file");
}
