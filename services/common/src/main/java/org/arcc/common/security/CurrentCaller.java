package org.arcc.common.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The {@link Caller} of the current request, read once from its validated token. */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            caller = new Caller(token.getSubject(), claim("azp").orElse(null), Set.copyOf(identity.getRoles()),
                    claim("cell"), claim("partner"), claim("custodian"));
        }
        return caller;
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value instanceof jakarta.json.JsonString json) {
            value = json.getString();
        }
        return value == null ? Optional.empty() : Optional.of(value.toString()).filter(s -> !s.isBlank());
    }
}
