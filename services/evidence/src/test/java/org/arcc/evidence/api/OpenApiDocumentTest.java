package org.arcc.evidence.api;

import java.util.Set;

import org.arcc.common.openapi.ApiDocumentFilter;
import org.arcc.testing.EmbeddedPostgresResource;
import org.arcc.testing.KafkaBrokerResource;
import org.arcc.testing.OidcTestServerResource;
import org.arcc.testing.OpenApiDocuments;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The evidence service's OpenAPI document at {@code /q/openapi} describes every operation fully; the survivor's
 * status route is the one public operation and says so (no security requirement).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "evidence"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationHasASummarySecurityAnExampleAndItsProblemResponses() throws Exception {
        OpenApiDocuments.assertComplete(15, Set.of("GET /api/v1/evidence/status/{code}"), ApiDocumentFilter.EXAMPLES);
    }
}
