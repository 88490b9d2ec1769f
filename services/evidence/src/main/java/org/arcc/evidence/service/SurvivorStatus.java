package org.arcc.evidence.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.arcc.evidence.domain.EvidenceItem;

/**
 * The survivor's own view: with the one-time code from collection, and nothing else identifying, the coarse
 * stage of one item. Only the code's hash is stored.
 */
@ApplicationScoped
public class SurvivorStatus {

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> stageFor(String code) {
        return EvidenceItem.<EvidenceItem>find("survivorCodeHash", hash(code)).firstResultOptional()
                .map(item -> item.stage.forSurvivor());
    }

    static String hash(String code) {
        String normalised = code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
