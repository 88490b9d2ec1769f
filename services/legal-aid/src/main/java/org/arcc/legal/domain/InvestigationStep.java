package org.arcc.legal.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.arcc.legal.domain.Codes.TransferReason;

/** A step of an investigation, one record per kind. */
public sealed interface InvestigationStep {

    LocalDate on();

    /** The survivor's statement to the police under s.161 CrPC. */
    record Statement161(LocalDate on, boolean femaleOfficerPresent) implements InvestigationStep {
    }

    /** The survivor's statement before a Magistrate under s.164 CrPC. */
    record Statement164(LocalDate on) implements InvestigationStep {
    }

    /** The DNA report reached the investigation; it covers these evidence items. */
    record DnaReport(LocalDate on, List<UUID> evidenceItemIds) implements InvestigationStep {
    }

    /** The report under s.173 CrPC (challan) was submitted to court. */
    record ChallanSubmitted(LocalDate on) implements InvestigationStep {
    }

    /** The complainant asked for the investigation to move to a senior officer. */
    record SeniorOfficerRequested(LocalDate on, TransferReason reason) implements InvestigationStep {
    }
}
