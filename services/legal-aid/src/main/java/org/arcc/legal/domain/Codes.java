package org.arcc.legal.domain;

/** The code lists of the legal pathway. Codes are wire values (API, database, events) and never change. */
public final class Codes {

    private Codes() {
    }

    /** Why the police would not register an FIR: a known failure mode, counted on the dashboard. */
    public enum FirRefusalReason {
        SENT_TO_ANOTHER_STATION, MEDICAL_REPORT_DEMANDED_FIRST, PRESSURE_TO_COMPROMISE, COMPLAINT_DISBELIEVED,
        OFFICER_UNAVAILABLE, OTHER
    }

    public enum FirOutcome {
        REGISTERED, REFUSED
    }

    public enum RepresentationRole {
        /** The survivor's legal-aid lawyer from the panel. */
        LEGAL_AID_LAWYER,
        SPECIAL_PROSECUTOR,
        /** Recorded so that the same lawyer is never assigned to the survivor. */
        ACCUSED_COUNSEL;

        public boolean forTheSurvivor() {
            return this != ACCUSED_COUNSEL;
        }
    }

    public enum RepresentationStatus {
        ASSIGNED, ACCEPTED, DECLINED, REPLACED;

        public boolean standing() {
            return this == ASSIGNED || this == ACCEPTED;
        }
    }

    public enum HearingPurpose {
        FRAMING_OF_CHARGE, PROSECUTION_EVIDENCE, SURVIVOR_STATEMENT, CROSS_EXAMINATION, DEFENCE_EVIDENCE, ARGUMENTS,
        BAIL, JUDGMENT, OTHER
    }

    public enum HearingOutcome {
        HELD, ADJOURNED, CONCLUDED
    }

    public enum AdjournmentReason {
        DEFENCE_COUNSEL_ABSENT, PROSECUTOR_ABSENT, WITNESS_ABSENT, ACCUSED_NOT_PRODUCED, JUDGE_UNAVAILABLE,
        RECORD_NOT_AVAILABLE, LAWYERS_STRIKE, OTHER
    }

    public enum SoughtBy {
        DEFENCE, PROSECUTION, COMPLAINANT, COURT
    }

    public enum VerdictOutcome {
        CONVICTED, ACQUITTED, OTHER
    }

    public enum AppealBy {
        CONVICT, PROSECUTION, COMPLAINANT
    }

    public enum AppealOutcome {
        DISMISSED, ALLOWED, REMANDED, WITHDRAWN
    }

    /** Why the complainant asked for the investigation to move to a senior officer. */
    public enum TransferReason {
        NO_PROGRESS, BIAS_OR_PRESSURE, MISCONDUCT, OTHER
    }

    /** The coarse stage of a file: what case workers, counsellors and the survivor may know. */
    public enum Stage {
        NO_FIR, FIR_REFUSED, FIR_REGISTERED, UNDER_INVESTIGATION, IN_COURT, DECIDED
    }
}
