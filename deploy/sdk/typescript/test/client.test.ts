import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { ArccClient, ArccProblem, cases, fixedToken } from "../src/index";
import { problem, ScriptedPeer } from "./scripted-peer";

let gateway: ScriptedPeer;
beforeEach(async () => { gateway = await ScriptedPeer.start(); });
afterEach(() => gateway.close());

const client = () => new ArccClient({ baseUrl: gateway.url("/"), tokens: fixedToken("token-1"), sleep: async () => {} });

test("a generated call carries the token and an Idempotency-Key and is retried with it", async () => {
  gateway.next(problem(503, { status: 503 }, { "Retry-After": "1" }))
    .next({ status: 201, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id: "c-1", reference: "KHI-2026-00042", cell: "KHI", status: "INTAKE" }) });

  const opened = await new cases.CasesApi(client().cases()).openCase({
    openCaseRequest: { channel: "WALK_IN", ageBand: "ADULT_18_24", arrivedAt: new Date("2026-03-14T18:05:00Z") },
  });

  assert.equal(opened.reference, "KHI-2026-00042");
  assert.equal(gateway.received.length, 2);
  for (const r of gateway.received) {
    assert.equal(r.path, "/api/v1/cases");
    assert.equal(r.headers.authorization, "Bearer token-1");
    assert.match(r.body, /"channel":"WALK_IN"/);
  }
  assert.ok(gateway.received[0].headers["idempotency-key"]);
  assert.equal(gateway.received[0].headers["idempotency-key"], gateway.received[1].headers["idempotency-key"]);
});

test("a refusal reaches the caller of a generated method as an ArccProblem", async () => {
  gateway.next(problem(404, { type: "urn:arcc:problem:not-found", title: "Not found", status: 404, requestId: "req-0009-abcd" }));
  await assert.rejects(new cases.CasesApi(client().cases()).getCase({ id: "4d6f1c1e-8a0b-4a53-9a7e-2f1c9e0b7a11" }), (e: unknown) => {
    assert.ok(e instanceof ArccProblem, String(e));
    assert.equal(e.type, "urn:arcc:problem:not-found");
    assert.equal(e.requestId, "req-0009-abcd");
    return true;
  });
  assert.equal(gateway.received[0].path, "/api/v1/cases/4d6f1c1e-8a0b-4a53-9a7e-2f1c9e0b7a11");
});
