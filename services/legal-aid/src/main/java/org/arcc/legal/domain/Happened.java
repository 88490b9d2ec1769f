package org.arcc.legal.domain;

import java.time.Duration;
import java.util.List;

/** What a rule of the legal file did, one record per kind of step; the service persists and publishes from it. */
public final class Happened {

    private Happened() {
    }

    /** @param fromArrival time from the survivor's arrival at the cell to the FIR */
    public record FirRegistered(Fir fir, Duration fromArrival) {
    }

    public record FirRefused(Fir fir) {
    }

    public record InvestigationStarted(Investigation investigation) {
    }

    public record InvestigationStepRecorded(Investigation investigation, InvestigationStep step) {
    }

    /** @param replaced the lawyer of the same role who stood until now, or null */
    public record LawyerAssigned(Representation assigned, Representation replaced) {
    }

    public record LawyerResponded(Representation representation) {
    }

    public record TrialOpened(Trial trial) {
    }

    public record HearingScheduled(Hearing hearing) {
    }

    /** @param next the hearing scheduled for the next date, or null */
    public record HearingRecorded(Hearing hearing, Hearing next) {
    }

    /** @param registerSections the scheduled offences of a conviction (empty: no notice to the register) */
    public record VerdictRecorded(Verdict verdict, List<String> registerSections) {

        public boolean notifiesRegister() {
            return !registerSections.isEmpty();
        }
    }

    public record AppealFiled(Appeal appeal) {
    }

    public record AppealDecided(Appeal appeal) {
    }
}
