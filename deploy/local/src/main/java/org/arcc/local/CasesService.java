package org.arcc.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The cases service: intake, consent, services, referrals; it keeps the anchors of the other audit trails. */
final class CasesService extends QuarkusService {

    private final Properties secrets;
    private final String jdbcUrl;

    CasesService(LocalSettings settings, Properties secrets, Map<String, String> jdbcUrls) {
        super(settings);
        this.secrets = secrets;
        this.jdbcUrl = jdbcUrls.get("cases");
    }

    @Override
    public String name() {
        return "cases";
    }

    @Override
    String jar() {
        return "services/cases/target/quarkus-app/quarkus-run.jar";
    }

    @Override
    int port() {
        return settings.casesPort();
    }

    @Override
    String url() {
        return settings.casesUrl();
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(platformEnvironment());
        env.put("ARCC_CASES_DB_URL", jdbcUrl);
        env.put("ARCC_CASES_DB_USER", "cases_app");
        env.put("ARCC_CASES_DB_PASSWORD", secrets.getProperty("postgres.cases.password"));
        env.put("ARCC_CRYPTO_KEYS", "local1:" + secrets.getProperty("crypto.kek.local1"));
        env.put("ARCC_CRYPTO_ACTIVE_KEY", "local1");
        env.put("ARCC_CRYPTO_BLIND_INDEX_KEY", secrets.getProperty("crypto.blind-index"));
        env.put("ARCC_CASES_AUDIT_ANCHOR_KEY", secrets.getProperty("cases.audit-anchor.private-key"));
        env.put("ARCC_CASES_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("cases.audit-anchor.public-key"));
        env.put("ARCC_EVIDENCE_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("evidence.audit-anchor.public-key"));
        env.put("ARCC_LEGAL_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("legal.audit-anchor.public-key"));
        return env;
    }
}
