package org.arcc.common.security;

import java.util.Optional;
import java.util.Set;
import org.arcc.vocabulary.Role;

/**
 * Who is calling, taken from the validated access token: subject, realm roles and the claims that scope
 * what they may see ({@code cell} for cell staff, {@code partner} for NGO clients, {@code custodian} for
 * custodian organisations).
 */
public record Caller(String subject, String clientId, Set<String> roles, Optional<String> cell,
        Optional<String> partner, Optional<String> custodian) {

    /** The platform's own roles, in a fixed order; Keycloak's default roles are left out. */
    public static final java.util.List<String> PLATFORM_ROLES = Role.ALL;

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public java.util.List<String> platformRoles() {
        return PLATFORM_ROLES.stream().filter(roles::contains).toList();
    }

    /** The caller's cell, for staff endpoints; staff tokens without one are refused. */
    public String requireCell() {
        return cell.orElseThrow(() -> new io.quarkus.security.ForbiddenException("Token carries no cell claim"));
    }
}
