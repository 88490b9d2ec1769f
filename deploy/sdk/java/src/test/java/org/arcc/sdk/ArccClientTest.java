package org.arcc.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.arcc.sdk.ScriptedHttpPeer.Answer;
import org.arcc.sdk.cases.api.CasesApi;
import org.arcc.sdk.cases.model.AgeBand;
import org.arcc.sdk.cases.model.CaseView;
import org.arcc.sdk.cases.model.IntakeChannel;
import org.arcc.sdk.cases.model.OpenCaseRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generated APIs, as ArccClient hands them out, go through ArccHttpClient: tokens, keys, retries, problems. */
class ArccClientTest {

    private final ScriptedHttpPeer gateway;

    ArccClientTest() throws Exception {
        gateway = new ScriptedHttpPeer();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private ArccClient client() {
        List<java.time.Duration> waits = new ArrayList<>();
        return ArccClient.builder().baseUrl(gateway.baseUrl() + "/").tokens(TokenSource.of("token-1")).sleeper(waits::add).build();
    }

    @Test
    void aGeneratedCallCarriesTheTokenAndAnIdempotencyKeyAndIsRetriedWithIt() throws Exception {
        UUID id = UUID.randomUUID();
        gateway.then(Answer.problem(503, "{\"status\":503}", Map.of("Retry-After", "1")))
                .then(Answer.json(201, "{\"id\":\"" + id + "\",\"reference\":\"KHI-2026-00042\",\"cell\":\"KHI\",\"status\":\"INTAKE\"}"));

        CaseView opened = new CasesApi(client().cases()).openCase(new OpenCaseRequest().channel(IntakeChannel.WALK_IN)
                .ageBand(AgeBand.ADULT_18_24).arrivedAt(OffsetDateTime.parse("2026-03-14T18:05:00Z")), null);

        assertThat(opened.getId()).isEqualTo(id);
        assertThat(opened.getReference()).isEqualTo("KHI-2026-00042");
        List<ScriptedHttpPeer.Received> sent = gateway.received();
        assertThat(sent).hasSize(2).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/v1/cases");
            assertThat(r.header("Authorization")).isEqualTo("Bearer token-1");
            assertThat(r.body()).contains("\"channel\":\"WALK_IN\"");
        });
        assertThat(sent.get(0).header("Idempotency-Key")).isNotBlank().isEqualTo(sent.get(1).header("Idempotency-Key"));
    }

    @Test
    void aRefusalReachesTheCallerOfAGeneratedMethodAsAnArccProblem() {
        gateway.then(Answer.problem(404, """
                {"type":"urn:arcc:problem:not-found","title":"Not found","status":404,"requestId":"req-0009-abcd"}""", Map.of()));
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> new CasesApi(client().cases()).getCase(id, null))
                .isInstanceOfSatisfying(ArccProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo("urn:arcc:problem:not-found");
                    assertThat(problem.requestId()).isEqualTo("req-0009-abcd");
                });
        assertThat(gateway.received().get(0).path()).isEqualTo("/api/v1/cases/" + id);
    }
}
