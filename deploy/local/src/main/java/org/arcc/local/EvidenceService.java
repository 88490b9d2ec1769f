package org.arcc.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The evidence service: kits, chain of custody, signed checkpoints. */
final class EvidenceService extends QuarkusService {

    private final Properties secrets;
    private final String jdbcUrl;

    EvidenceService(LocalSettings settings, Properties secrets, Map<String, String> jdbcUrls) {
        super(settings);
        this.secrets = secrets;
        this.jdbcUrl = jdbcUrls.get("evidence");
    }

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    String jar() {
        return "services/evidence/target/quarkus-app/quarkus-run.jar";
    }

    @Override
    int port() {
        return settings.evidencePort();
    }

    @Override
    String url() {
        return settings.evidenceUrl();
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(platformEnvironment());
        env.put("ARCC_EVIDENCE_DB_URL", jdbcUrl);
        env.put("ARCC_EVIDENCE_DB_USER", "evidence_app");
        env.put("ARCC_EVIDENCE_DB_PASSWORD", secrets.getProperty("postgres.evidence.password"));
        // Its own keys, not the cases service's: a service's keys open only its own data.
        env.put("ARCC_CRYPTO_KEYS", "local1:" + secrets.getProperty("crypto.evidence.kek.local1"));
        env.put("ARCC_CRYPTO_ACTIVE_KEY", "local1");
        env.put("ARCC_CRYPTO_BLIND_INDEX_KEY", secrets.getProperty("crypto.evidence.blind-index"));
        env.put("ARCC_EVIDENCE_CHECKPOINT_KEY", secrets.getProperty("evidence.checkpoint.private-key"));
        env.put("ARCC_EVIDENCE_CHECKPOINT_PUBLIC_KEY", secrets.getProperty("evidence.checkpoint.public-key"));
        env.put("ARCC_EVIDENCE_AUDIT_ANCHOR_KEY", secrets.getProperty("evidence.audit-anchor.private-key"));
        env.put("ARCC_EVIDENCE_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("evidence.audit-anchor.public-key"));
        env.put("ARCC_CASES_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("cases.audit-anchor.public-key"));
        env.put("ARCC_LEGAL_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("legal.audit-anchor.public-key"));
        return env;
    }
}
