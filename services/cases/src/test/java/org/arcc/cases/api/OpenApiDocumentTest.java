package org.arcc.cases.api;

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
 * The OpenAPI document at {@code /q/openapi} describes every {@code /api/v1} operation fully: a summary, the
 * bearer security requirement, an example, and its problem responses (RFC 9457, the shared Problem schema).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OidcTestServerResource.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationHasASummarySecurityAnExampleAndItsProblemResponses() throws Exception {
        OpenApiDocuments.assertComplete(38, Set.of(), ApiDocumentFilter.EXAMPLES);
    }
}
