package org.arcc.cases.service;

import java.util.Arrays;

import org.arcc.common.problem.ProblemException;
import org.arcc.vocabulary.ProblemType;

/** Why someone reads a survivor's identity, declared with each read in {@code X-Access-Purpose}. */
public enum Purpose {
    /** Looking after the survivor in the cell. */
    CARE,
    /** Medico-legal examination and its report. */
    MEDICO_LEGAL,
    /** Registering the FIR with the police. */
    POLICE_REPORT,
    /** Legal aid and court. */
    LEGAL_AID,
    /** A referral the survivor consented to. */
    REFERRAL,
    /** Supervisor review. */
    SUPERVISION,
    /** The survivor asked to see or correct what we hold. */
    SURVIVOR_REQUEST;

    public static final String HEADER = "X-Access-Purpose";

    public static Purpose parse(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(ProblemType.VALIDATION, HEADER + " is required: say why you read this identity ("
                    + String.join(", ", Arrays.stream(values()).map(Enum::name).toList()) + ")");
        }
        try {
            return valueOf(header.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION, HEADER + " must be one of "
                    + String.join(", ", Arrays.stream(values()).map(Enum::name).toList()));
        }
    }
}
