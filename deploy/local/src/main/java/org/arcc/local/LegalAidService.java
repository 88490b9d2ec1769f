package org.arcc.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The legal-aid service: FIRs, trials, hearings. */
final class LegalAidService extends QuarkusService {

    private final Properties secrets;
    private final String jdbcUrl;

    LegalAidService(LocalSettings settings, Properties secrets, Map<String, String> jdbcUrls) {
        super(settings);
        this.secrets = secrets;
        this.jdbcUrl = jdbcUrls.get("legal");
    }

    @Override
    public String name() {
        return "legal-aid";
    }

    @Override
    String jar() {
        return "services/legal-aid/target/quarkus-app/quarkus-run.jar";
    }

    @Override
    int port() {
        return settings.legalPort();
    }

    @Override
    String url() {
        return settings.legalUrl();
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(platformEnvironment());
        env.put("ARCC_LEGAL_DB_URL", jdbcUrl);
        env.put("ARCC_LEGAL_DB_USER", "legal_app");
        env.put("ARCC_LEGAL_DB_PASSWORD", secrets.getProperty("postgres.legal.password"));
        // Its own keys: they seal the court initials and the stored answers of its POSTs.
        env.put("ARCC_CRYPTO_KEYS", "local1:" + secrets.getProperty("crypto.legal.kek.local1"));
        env.put("ARCC_CRYPTO_ACTIVE_KEY", "local1");
        env.put("ARCC_CRYPTO_BLIND_INDEX_KEY", secrets.getProperty("crypto.legal.blind-index"));
        env.put("ARCC_LEGAL_AUDIT_ANCHOR_KEY", secrets.getProperty("legal.audit-anchor.private-key"));
        env.put("ARCC_LEGAL_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("legal.audit-anchor.public-key"));
        // It keeps the anchors of cases and evidence, as they keep its own.
        env.put("ARCC_CASES_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("cases.audit-anchor.public-key"));
        env.put("ARCC_EVIDENCE_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("evidence.audit-anchor.public-key"));
        return env;
    }
}
