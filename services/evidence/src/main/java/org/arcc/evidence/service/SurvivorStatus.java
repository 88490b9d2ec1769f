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
import org.arcc.evidence.domain.LegalStage;

/**
 * The survivor's own view: with the one-time code from collection, and nothing else identifying, the coarse
 * stage of one item and the coarse legal stage of its case (from the legal-aid service's events: a stage code
 * and the month it was reached). Only the code's hash is stored.
 */
@ApplicationScoped
public class SurvivorStatus {

    /** What the survivor is told. The legal stage and its month are null before an FIR is registered. */
    public record Status(String stage, String legalStage, String legalStageSince) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Status> statusFor(String code) {
        return EvidenceItem.<EvidenceItem>find("survivorCodeHash", hash(code)).firstResultOptional().map(item -> {
            Optional<LegalStage> legal = LegalStage.<LegalStage>findByIdOptional(item.caseId)
                    .filter(s -> s.forSurvivor().isPresent());
            return new Status(item.stage.forSurvivor(), legal.map(s -> s.stage).orElse(null),
                    legal.map(s -> s.sinceMonth).orElse(null));
        });
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
