package org.arcc.testing;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.arcc.vocabulary.Role;

/**
 * Access tokens shaped like the ones the {@code arcc} Keycloak realm issues (realm roles under
 * {@code realm_access.roles}, a {@code cell}, {@code partner} or {@code custodian} claim), signed with the
 * key of {@link OidcTestServerResource}. Broken variants exist for every way a token can be wrong.
 *
 * <pre>{@code
 * given().auth().oauth2(Tokens.caseWorker("KHI")) ...
 * given().auth().oauth2(Tokens.as(Role.CASE_WORKER).inCell("KHI").expired()) ...
 * }</pre>
 */
public final class Tokens {

    /** Issuer the OIDC test server announces in its discovery document. */
    public static final String ISSUER = System.getProperty("quarkus.test.oidc.token.issuer", "https://server.example.com");
    /** Audience every ARCC service requires. */
    public static final String AUDIENCE = "arcc-api";

    private static final String SIGNING_KEY = "privateKey.jwk";
    private static final String SIGNING_KEY_ID = "1";

    private Tokens() {
    }

    public static String caseWorker(String cell) {
        return as(Role.CASE_WORKER).inCell(cell).sign();
    }

    public static String supervisor(String cell) {
        return as(Role.CELL_SUPERVISOR).inCell(cell).sign();
    }

    public static String medicalOfficer(String cell) {
        return as(Role.MEDICAL_OFFICER).inCell(cell).sign();
    }

    public static String counsellor(String cell) {
        return as(Role.COUNSELLOR).inCell(cell).sign();
    }

    public static String legalOfficer(String cell) {
        return as(Role.LEGAL_OFFICER).inCell(cell).sign();
    }

    public static String partner(String partnerId) {
        return as(Role.PARTNER_NGO).partner(partnerId).clientId(partnerId).sign();
    }

    public static String custodian(String organisation) {
        return as(Role.EVIDENCE_CUSTODIAN).custodian(organisation).sign();
    }

    public static String analyst() {
        return as(Role.ANALYST).sign();
    }

    public static String platformAdmin() {
        return as(Role.PLATFORM_ADMIN).sign();
    }

    /** Starts a token for a caller holding the given realm roles. */
    public static Builder as(String... roles) {
        return new Builder(roles);
    }

    /**
     * Every way a token of this role and cell can be wrong, by what is wrong with it: expired, tampered, wrong
     * issuer, wrong audience, signed by an unknown key. Each must be refused with 401.
     */
    public static java.util.Map<String, String> broken(String role, String cell) {
        return java.util.Map.of(
                "that expired", as(role).inCell(cell).expired(),
                "tampered", as(role).inCell(cell).tampered(),
                "wrong issuer", as(role).inCell(cell).wrongIssuer(),
                "wrong audience", as(role).inCell(cell).wrongAudience(),
                "unknown signing key", as(role).inCell(cell).signedByUnknownKey());
    }

    public static final class Builder {
        private final Set<String> roles = new LinkedHashSet<>();
        private String subject = UUID.randomUUID().toString();
        private String username;
        private String cell;
        private String partner;
        private String custodian;
        private String clientId = "arcc-cell-client";
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(5);

        private Builder(String... roles) {
            this.roles.addAll(List.of(roles));
            this.username = roles.length == 0 ? "anonymous" : roles[0] + "-" + subject.substring(0, 8);
        }

        public Builder inCell(String cellCode) {
            this.cell = cellCode;
            return this;
        }

        public Builder partner(String partnerId) {
            this.partner = partnerId;
            return this;
        }

        public Builder custodian(String organisation) {
            this.custodian = organisation;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** A correctly signed, currently valid token. */
        public String sign() {
            return claims().jws().keyId(SIGNING_KEY_ID).sign(SIGNING_KEY);
        }

        /** Correctly signed, but expired ten minutes ago. */
        public String expired() {
            issuedAt = Instant.now().minus(Duration.ofMinutes(15));
            lifetime = Duration.ofMinutes(5);
            return sign();
        }

        /** Correctly signed by the right key, but issued by someone else. */
        public String wrongIssuer() {
            issuer = "https://attacker.example.org/realms/arcc";
            return sign();
        }

        /** Correctly signed, but meant for another API. */
        public String wrongAudience() {
            audience = "some-other-api";
            return sign();
        }

        /** A valid token whose payload was edited after signing (here: a role added). */
        public String tampered() {
            String[] parts = sign().split("\\.");
            Base64.Decoder decoder = Base64.getUrlDecoder();
            String payload = new String(decoder.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
            String forged = payload.replace("\"roles\":[", "\"roles\":[\"platform-admin\",");
            if (forged.equals(payload)) {
                forged = payload.replace("\"sub\":", "\"x\":1,\"sub\":");
            }
            parts[1] = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return String.join(".", parts);
        }

        /** Well-formed, but signed by a key the OIDC server never published. */
        public String signedByUnknownKey() {
            return claims().jws().keyId(SIGNING_KEY_ID).sign(unknownKey());
        }

        private JwtClaimsBuilder claims() {
            JwtClaimsBuilder builder = Jwt.issuer(issuer)
                    .audience(audience)
                    .subject(subject)
                    .preferredUserName(username)
                    .issuedAt(issuedAt)
                    .expiresAt(issuedAt.plus(lifetime))
                    .claim("azp", clientId)
                    .claim("typ", "Bearer")
                    .claim("realm_access", Map.of("roles", List.copyOf(roles)));
            if (cell != null) {
                builder.claim("cell", cell);
            }
            if (partner != null) {
                builder.claim("partner", partner);
            }
            if (custodian != null) {
                builder.claim("custodian", custodian);
            }
            return builder;
        }

        private static PrivateKey unknownKey() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair().getPrivate();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
