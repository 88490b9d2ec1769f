package org.arcc.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The secrets of a local platform (database passwords, data keys, signing keys), generated once into
 * {@code <home>/secrets.properties} and never reused outside development.
 */
final class LocalSecrets {

    private final LocalSettings settings;

    LocalSecrets(LocalSettings settings) {
        this.settings = settings;
    }

    /** The secrets of this home, made (and kept) on first use. */
    Properties load() {
        Path file = settings.home().resolve("secrets.properties");
        Properties secrets = new Properties();
        try {
            Files.createDirectories(settings.home());
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
            }
            // Each secret is made once; a home from before a service existed gets only that service's secrets.
            int before = secrets.size();
            SecureRandom random = new SecureRandom();
            secrets.computeIfAbsent("postgres.cases.password", k -> HexFormat.of().formatHex(random.generateSeed(16)));
            secrets.computeIfAbsent("crypto.kek.local1", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("crypto.blind-index", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("kafka.cluster-id", k -> org.apache.kafka.common.Uuid.randomUuid().toString());
            secrets.computeIfAbsent("postgres.evidence.password", k -> HexFormat.of().formatHex(random.generateSeed(16)));
            secrets.computeIfAbsent("crypto.evidence.kek.local1", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("crypto.evidence.blind-index", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("postgres.legal.password", k -> HexFormat.of().formatHex(random.generateSeed(16)));
            secrets.computeIfAbsent("crypto.legal.kek.local1", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("crypto.legal.blind-index", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("postgres.reporting.password", k -> HexFormat.of().formatHex(random.generateSeed(16)));
            secrets.computeIfAbsent("crypto.reporting.kek.local1", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            secrets.computeIfAbsent("crypto.reporting.blind-index", k -> Base64.getEncoder().encodeToString(random.generateSeed(32)));
            if (!secrets.containsKey("evidence.checkpoint.private-key")) {
                KeyPair checkpoints = checkpointKeyPair();
                secrets.setProperty("evidence.checkpoint.private-key",
                        Base64.getEncoder().encodeToString(checkpoints.getPrivate().getEncoded()));
                secrets.setProperty("evidence.checkpoint.public-key",
                        Base64.getEncoder().encodeToString(checkpoints.getPublic().getEncoded()));
            }
            // Each service signs the heads of its audit chains with its own key; the other keeps them (docs/security.md).
            for (String service : List.of("cases", "evidence", "legal", "reporting")) {
                if (!secrets.containsKey(service + ".audit-anchor.private-key")) {
                    KeyPair anchors = checkpointKeyPair();
                    secrets.setProperty(service + ".audit-anchor.private-key",
                            Base64.getEncoder().encodeToString(anchors.getPrivate().getEncoded()));
                    secrets.setProperty(service + ".audit-anchor.public-key",
                            Base64.getEncoder().encodeToString(anchors.getPublic().getEncoded()));
                }
            }
            if (secrets.size() != before) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    secrets.store(out, "Generated once for this local platform; never reuse outside development");
                }
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep local secrets in " + file, e);
        }
    }

    /** An Ed25519 key pair (PKCS#8 private, SPKI public): custody checkpoints, audit anchors. */
    private static KeyPair checkpointKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new PlatformException("This JDK cannot make Ed25519 keys: " + e.getMessage());
        }
    }
}
