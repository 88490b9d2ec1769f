package org.arcc.common.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, taken from the validated access token: subject, realm roles and the claims that scope
 * what they may see ({@code cell} for cell staff, {@code partner} for NGO clients, {@code custodian} for
 * custodian organisations).
 */
public record Caller(String subject, String clientId, Set<String> roles, Optional<String> cell,
        Optional<String> partner, Optional<String> custodian) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The caller's cell, for staff endpoints; staff tokens without one are refused. */
    public String requireCell() {
        return cell.orElseThrow(() -> new io.quarkus.security.ForbiddenException("Token carries no cell claim"));
    }
}
