import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { OidcTokens, TokenRefused, tokenEndpoint } from "../src/index";
import { ScriptedPeer } from "./scripted-peer";

let keycloak: ScriptedPeer;
let now: number;
const clock = () => now;
const token = (body: object) => ({ status: 200, body: JSON.stringify(body) });

beforeEach(async () => { keycloak = await ScriptedPeer.start(); now = Date.parse("2026-12-02T04:00:00Z"); });
afterEach(() => keycloak.close());

test("a client credentials token is reused until 30 s before it expires, then asked for again", async () => {
  keycloak.next(token({ access_token: "a1", expires_in: 300 })).next(token({ access_token: "a2", expires_in: 300 }));
  const tokens = OidcTokens.clientCredentials(keycloak.url("/realms/arcc/protocol/openid-connect/token"), "ngo-demo", "s3cret&=", { now: clock });

  assert.equal(await tokens.accessToken(), "a1");
  now += 269_000;
  assert.equal(await tokens.accessToken(), "a1");
  now += 1_000;
  assert.equal(await tokens.accessToken(), "a2");

  assert.equal(keycloak.received.length, 2);
  assert.equal(keycloak.received[0].method, "POST");
  assert.equal(keycloak.received[0].path, "/realms/arcc/protocol/openid-connect/token");
  assert.equal(keycloak.received[0].headers["content-type"], "application/x-www-form-urlencoded");
  assert.equal(keycloak.received[0].body, "grant_type=client_credentials&client_id=ngo-demo&client_secret=s3cret%26%3D");
});

test("the password grant renews with its refresh token, and asks again when the refresh is refused", async () => {
  keycloak.next(token({ access_token: "a1", expires_in: 60, refresh_token: "r1", refresh_expires_in: 1800 }))
    .next(token({ access_token: "a2", expires_in: 60, refresh_token: "r2", refresh_expires_in: 1800 }))
    .next({ status: 400, body: JSON.stringify({ error: "invalid_grant" }) })
    .next(token({ access_token: "a3", expires_in: 60, refresh_token: "r3", refresh_expires_in: 1800 }));
  const tokens = OidcTokens.password(keycloak.url("/token"), "arcc-cli", "khi.caseworker", "Demo-Passw0rd!", { now: clock });

  assert.equal(await tokens.accessToken(), "a1");
  now += 31_000;
  assert.equal(await tokens.accessToken(), "a2");
  now += 31_000;
  assert.equal(await tokens.accessToken(), "a3");
  assert.deepEqual(keycloak.received.map((r) => r.body), [
    "grant_type=password&client_id=arcc-cli&username=khi.caseworker&password=Demo-Passw0rd%21",
    "grant_type=refresh_token&client_id=arcc-cli&refresh_token=r1",
    "grant_type=refresh_token&client_id=arcc-cli&refresh_token=r2",
    "grant_type=password&client_id=arcc-cli&username=khi.caseworker&password=Demo-Passw0rd%21",
  ]);
});

test("concurrent callers share one token request; an invalidated token is not sent again", async () => {
  keycloak.next(token({ access_token: "a1", expires_in: 300 })).next(token({ access_token: "a2", expires_in: 300 }));
  const tokens = OidcTokens.clientCredentials(keycloak.url("/token"), "cell-khi-api", "x", { now: clock });
  assert.deepEqual(await Promise.all([tokens.accessToken(), tokens.accessToken()]), ["a1", "a1"]);
  tokens.invalidate();
  assert.equal(await tokens.accessToken(), "a2");
  assert.equal(keycloak.received.length, 2);
});

test("a refusal names the OAuth error but never the secret", async () => {
  keycloak.next({ status: 401, body: JSON.stringify({ error: "unauthorized_client", error_description: "Invalid client secret" }) });
  const tokens = OidcTokens.clientCredentials(keycloak.url("/token"), "ngo-demo", "wrong-secret-value", { now: clock });
  await assert.rejects(tokens.accessToken(), (e: unknown) => {
    assert.ok(e instanceof TokenRefused);
    assert.equal(e.status, 401);
    assert.equal(e.error, "unauthorized_client");
    assert.match(e.message, /ngo-demo/);
    assert.doesNotMatch(e.message, /wrong-secret-value/);
    return true;
  });
});

test("the token endpoint is realm arcc on the given Keycloak", () => {
  assert.equal(tokenEndpoint("http://localhost:8180/"), "http://localhost:8180/realms/arcc/protocol/openid-connect/token");
});
