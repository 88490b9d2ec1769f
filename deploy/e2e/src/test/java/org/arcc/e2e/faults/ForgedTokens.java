package org.arcc.e2e.faults;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tokens an attacker could make without Keycloak's private key, from a real token: the same header and claims
 * signed with another key (a wrong signature under Keycloak's own key id), and the same claims from another
 * issuer under a key id Keycloak never published.
 */
final class ForgedTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeyPair attacker;

    ForgedTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            attacker = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The real token's header and claims, signed with the attacker's key. */
    String wrongSignature(String realToken) {
        String[] parts = realToken.split("\\.");
        return signed(parts[0] + "." + parts[1]);
    }

    /** The real token's claims with {@code iss} set to another realm, under an unknown key id. */
    String unknownIssuer(String realToken, String issuer) {
        try {
            ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(realToken.split("\\.")[1]));
            claims.put("iss", issuer);
            String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"elsewhere\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return signed(header + "." + URL.encodeToString(JSON.writeValueAsBytes(claims)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String signed(String headerAndClaims) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(attacker.getPrivate());
            rs256.update(headerAndClaims.getBytes(StandardCharsets.US_ASCII));
            return headerAndClaims + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
