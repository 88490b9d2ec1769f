package org.arcc.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The reporting service: statistics tables from events, with small counts suppressed. */
final class ReportingService extends QuarkusService {

    private final Properties secrets;
    private final String jdbcUrl;

    ReportingService(LocalSettings settings, Properties secrets, Map<String, String> jdbcUrls) {
        super(settings);
        this.secrets = secrets;
        this.jdbcUrl = jdbcUrls.get("reporting");
    }

    @Override
    public String name() {
        return "reporting";
    }

    @Override
    String jar() {
        return "services/reporting/target/quarkus-app/quarkus-run.jar";
    }

    @Override
    int port() {
        return settings.reportsPort();
    }

    @Override
    String url() {
        return settings.reportsUrl();
    }

    @Override
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(platformEnvironment());
        env.put("ARCC_REPORTS_DB_URL", jdbcUrl);
        env.put("ARCC_REPORTS_DB_USER", "reporting_app");
        env.put("ARCC_REPORTS_DB_PASSWORD", secrets.getProperty("postgres.reporting.password"));
        // Its own keys: they seal only the stored answers of its POSTs (it holds no survivor data).
        env.put("ARCC_CRYPTO_KEYS", "local1:" + secrets.getProperty("crypto.reporting.kek.local1"));
        env.put("ARCC_CRYPTO_ACTIVE_KEY", "local1");
        env.put("ARCC_CRYPTO_BLIND_INDEX_KEY", secrets.getProperty("crypto.reporting.blind-index"));
        env.put("ARCC_REPORTS_AUDIT_ANCHOR_KEY", secrets.getProperty("reporting.audit-anchor.private-key"));
        env.put("ARCC_REPORTS_AUDIT_ANCHOR_PUBLIC_KEY", secrets.getProperty("reporting.audit-anchor.public-key"));
        return env;
    }
}
