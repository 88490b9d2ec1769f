import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { arccFetch, ArccProblem, DEFAULT_RETRIES, fixedToken, NO_RETRIES, retryAfterMs, TokenSource } from "../src/index";
import { problem, ScriptedPeer } from "./scripted-peer";

let peer: ScriptedPeer;
let waits: number[];
const sleep = async (ms: number) => { waits.push(ms); };

beforeEach(async () => { peer = await ScriptedPeer.start(); waits = []; });
afterEach(() => peer.close());

const post = (f: typeof fetch, path = "/api/v1/cases", headers: Record<string, string> = {}) =>
  f(peer.url(path), { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: "{\"channel\":\"WALK_IN\"}" });

test("every POST gets an Idempotency-Key and its retries keep it", async () => {
  peer.next(problem(503, { status: 503 }, { "Retry-After": "2" }))
    .next({ drop: true })
    .next(problem(429, { status: 429 }, { "Retry-After": "1" }))
    .next(problem(409, { type: "urn:arcc:problem:in-progress", status: 409 }, { "Retry-After": "1" }))
    .next({ status: 201, body: "{\"id\":\"c-1\"}" });

  const response = await post(arccFetch({ tokens: fixedToken("t"), sleep }));

  assert.equal(response.status, 201);
  assert.deepEqual(await response.json(), { id: "c-1" });
  assert.equal(peer.received.length, 5);
  const key = peer.received[0].headers["idempotency-key"];
  assert.ok(key);
  assert.deepEqual(new Set(peer.received.map((r) => r.headers["idempotency-key"])), new Set([key]));
  assert.deepEqual(new Set(peer.received.map((r) => r.body)), new Set(["{\"channel\":\"WALK_IN\"}"]));
  assert.deepEqual(waits, [2000, 400, 1000, 1000]);
});

test("two POSTs get two keys, a key the caller set is kept, a GET gets none", async () => {
  for (let i = 0; i < 4; i++) peer.next({ status: 200, body: "{}" });
  const f = arccFetch({ tokens: fixedToken("t"), sleep });
  await post(f);
  await post(f);
  await post(f, "/api/v1/cases", { "Idempotency-Key": "mine-1" });
  await f(peer.url("/a"));
  assert.notEqual(peer.received[0].headers["idempotency-key"], peer.received[1].headers["idempotency-key"]);
  assert.equal(peer.received[2].headers["idempotency-key"], "mine-1");
  assert.equal(peer.received[3].headers["idempotency-key"], undefined);
  assert.deepEqual(new Set(peer.received.map((r) => r.headers.authorization)), new Set(["Bearer t"]));
});

test("a refusal is thrown as a typed ArccProblem", async () => {
  peer.next(problem(404, { type: "urn:arcc:problem:not-found", title: "Not found", status: 404, detail: "No case 42", instance: "/api/v1/cases/42", requestId: "req-0001-abcd" }))
    .next(problem(400, { type: "urn:arcc:problem:validation", status: 400, errors: [{ field: "body.channel", message: "must not be null" }] }))
    .next({ status: 502, headers: { "Content-Type": "text/html", "X-Request-Id": "req-0003-abcd" }, body: "<html>bad gateway</html>" });
  const f = arccFetch({ tokens: fixedToken("t"), retries: NO_RETRIES, sleep });

  await assert.rejects(f(peer.url("/api/v1/cases/42")), (e: unknown) => {
    assert.ok(e instanceof ArccProblem);
    assert.equal(e.type, "urn:arcc:problem:not-found");
    assert.equal(e.status, 404);
    assert.equal(e.title, "Not found");
    assert.equal(e.detail, "No case 42");
    assert.equal(e.instance, "/api/v1/cases/42");
    assert.equal(e.requestId, "req-0001-abcd");
    assert.deepEqual(e.errors, []);
    return true;
  });
  await assert.rejects(post(f), (e: ArccProblem) => {
    assert.deepEqual(e.errors, [{ field: "body.channel", message: "must not be null" }]);
    return true;
  });
  await assert.rejects(f(peer.url("/x")), (e: ArccProblem) => {
    assert.equal(e.status, 502);
    assert.equal(e.type, "about:blank");
    assert.equal(e.requestId, "req-0003-abcd");
    return true;
  });
});

test("retries stop at the limit and a conflict without Retry-After is not retried", async () => {
  for (let i = 0; i < 5; i++) peer.next(problem(503, { type: "urn:arcc:problem:unavailable", status: 503 }));
  peer.next(problem(409, { type: "urn:arcc:problem:conflict", status: 409 }));
  const f = arccFetch({ tokens: fixedToken("t"), retries: DEFAULT_RETRIES, sleep });

  await assert.rejects(post(f), (e: ArccProblem) => e.status === 503);
  assert.equal(peer.received.length, 5);
  assert.deepEqual(waits, [200, 400, 800, 1600]);
  await assert.rejects(post(f), (e: ArccProblem) => e.type === "urn:arcc:problem:conflict");
  assert.equal(peer.received.length, 6);
});

test("a PATCH without a key is not repeated after the connection died", async () => {
  peer.next({ drop: true }).next({ status: 200, body: "{}" });
  const f = arccFetch({ tokens: fixedToken("t"), sleep });
  await assert.rejects(f(peer.url("/a"), { method: "PATCH", body: "{}" }), TypeError);
  assert.equal(peer.received.length, 1);
});

test("a rejected token is renewed once and the request sent again", async () => {
  peer.next(problem(401, { status: 401 })).next({ status: 200, body: "{}" })
    .next(problem(401, { status: 401 })).next(problem(401, { status: 401 }));
  let issued = 0;
  let current: string | undefined;
  const tokens: TokenSource = {
    accessToken: async () => (current ??= `token-${++issued}`),
    invalidate: () => { current = undefined; },
  };
  const f = arccFetch({ tokens, sleep });
  assert.equal((await f(peer.url("/a"))).status, 200);
  assert.deepEqual(peer.received.map((r) => r.headers.authorization), ["Bearer token-1", "Bearer token-2"]);
  await assert.rejects(f(peer.url("/a")), (e: ArccProblem) => e.status === 401);
  assert.equal(peer.received.length, 4);
});

test("Retry-After is read as seconds or an HTTP date", () => {
  assert.equal(retryAfterMs("7"), 7000);
  assert.equal(retryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT"), 0);
  assert.equal(retryAfterMs("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("2015-10-21T07:28:00Z")), 10_000);
  assert.equal(retryAfterMs(null), undefined);
});
