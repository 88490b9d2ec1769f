package org.arcc.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link EmbeddedPostgresResource} with the service connected through a {@link PostgresLink}, so a test can take
 * the database away from a running service and give it back ({@link #link()}). Same init argument
 * ({@code database}).
 */
public class CuttablePostgresResource extends EmbeddedPostgresResource {

    private static PostgresLink link;

    @Override
    public Map<String, String> start() {
        Map<String, String> settings = new HashMap<>(super.start());
        int port = server().getPort();
        synchronized (CuttablePostgresResource.class) {
            if (link == null) {
                link = new PostgresLink("localhost", port);
            }
        }
        settings.put("quarkus.datasource.jdbc.url", settings.get("quarkus.datasource.jdbc.url")
                .replace("localhost:" + port + "/", "127.0.0.1:" + link.port() + "/"));
        return settings;
    }

    @Override
    public void stop() {
        synchronized (CuttablePostgresResource.class) {
            if (link != null) {
                link.close();
                link = null;
            }
        }
        super.stop();
    }

    /** The link between the running test application and its PostgreSQL. */
    public static synchronized PostgresLink link() {
        if (link == null) {
            throw new IllegalStateException("No application runs with CuttablePostgresResource");
        }
        return link;
    }
}
