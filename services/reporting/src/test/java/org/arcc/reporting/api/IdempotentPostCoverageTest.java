package org.arcc.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.arcc.common.idempotency.IdempotentPost;
import org.arcc.testing.ResourceEndpoints;
import org.arcc.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * Every POST of the service honours {@code Idempotency-Key} (the OpenAPI document promises it on every POST):
 * its method or resource class carries {@link IdempotentPost}, without which the key would be ignored.
 */
@UnitTest
class IdempotentPostCoverageTest {

    @Test
    void everyPostRunsWithItsIdempotencyKey() {
        assertThat(ResourceEndpoints.postsWithout("org.arcc.reporting.api", IdempotentPost.class.getName()))
                .as("POST methods whose class and method lack @IdempotentPost").isEmpty();
    }
}
