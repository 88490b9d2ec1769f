package org.arcc.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;

import jakarta.ws.rs.Path;

import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * The survivor's status code is the last segment of {@link SurvivorStatusResource}'s path: the service's span
 * redaction (common {@code telemetry/SpanRedaction}) must be told that route, or the code would be exported in every
 * trace of a status lookup.
 */
@UnitTest
class SurvivorStatusSpanRedactionTest {

    @Test
    void theStatusRouteIsASecretPathOfTheEvidenceService() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String route = SurvivorStatusResource.class.getAnnotation(Path.class).value();

        assertThat(Arrays.stream(properties.getProperty("arcc.telemetry.secret-paths", "").split(",")).map(String::trim))
                .contains(route);
    }
}
