package org.arcc.common.security;

import java.util.Optional;
import java.util.regex.Pattern;

import org.arcc.common.problem.ProblemException;
import org.arcc.vocabulary.ProblemType;
import org.arcc.vocabulary.Role;

/**
 * How far a caller reaches for one request: their own cell, or, for an administrator who stated a reason
 * in {@code X-Access-Reason}, any cell. Queries take the scope as a condition; they never load a record and
 * check it afterwards.
 *
 * @param cell           the one cell the caller reaches, or empty for any cell (override)
 * @param overrideReason the administrator's stated reason, present exactly when {@code cell} is empty
 */
public record AccessScope(Optional<String> cell, Optional<String> overrideReason) {

    public static final String REASON_HEADER = "X-Access-Reason";
    public static final String ADMIN_ROLE = Role.PLATFORM_ADMIN;

    /** Printable text, 10 to 500 characters, no control characters (it goes into the audit trail). */
    private static final Pattern REASON = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{Zs}\\p{S}]{10,500}");

    /** A scope that reaches nothing: an administrator who gave no reason finds no record. */
    private static final AccessScope NOTHING = new AccessScope(Optional.of(""), Optional.empty());

    public static AccessScope of(Caller caller, String reasonHeader) {
        if (caller.cell().isPresent()) {
            return new AccessScope(caller.cell(), Optional.empty());
        }
        if (caller.hasRole(ADMIN_ROLE) && reasonHeader != null) {
            String reason = reasonHeader.strip();
            if (!REASON.matcher(reason).matches()) {
                throw new ProblemException(ProblemType.VALIDATION,
                        REASON_HEADER + " must be 10 to 500 printable characters saying why you need this record");
            }
            return new AccessScope(Optional.empty(), Optional.of(reason));
        }
        return NOTHING;
    }

    /** The caller's own cell only. */
    public static AccessScope ownCell(Caller caller) {
        return new AccessScope(Optional.of(caller.requireCell()), Optional.empty());
    }

    public boolean isOverride() {
        return overrideReason.isPresent();
    }

    /** Whether a record owned by {@code recordCell} is within reach. */
    public boolean reaches(String recordCell) {
        return cell.map(c -> c.equals(recordCell)).orElse(true);
    }
}
