import assert from "node:assert/strict";
import { test } from "node:test";
import { checkWebhook, signWebhook, verifyWebhook } from "../src/index";

// The scheme of services/cases PartnerWebhooks; the signature computed independently with Python's hmac module.
const SECRET = "whsec-test-1";
const SENT_AT = 1764650000;
const BODY = "{\"deliveryId\":\"d1\",\"status\":\"ACCEPTED\"}";
const SIGNATURE = "sha256=f5054da58d56f649ccd17e1bb1e37ff80561adfb26f8061287b0a2e38ac1624e";
const at = (epochSeconds: number) => ({ now: () => epochSeconds * 1000 });

test("a delivery signed by the platform verifies", () => {
  assert.equal(checkWebhook(SECRET, String(SENT_AT), SIGNATURE, BODY, at(SENT_AT + 3)), "VALID");
  assert.equal(checkWebhook(SECRET, String(SENT_AT), SIGNATURE, Buffer.from(BODY), at(SENT_AT + 3)), "VALID");
  assert.equal(signWebhook(SECRET, SENT_AT, BODY), SIGNATURE);
});

test("a changed body or timestamp or another secret is refused", () => {
  assert.equal(checkWebhook(SECRET, String(SENT_AT), SIGNATURE, BODY.replace("ACCEPTED", "DECLINED"), at(SENT_AT)), "WRONG_SIGNATURE");
  assert.equal(checkWebhook(SECRET, String(SENT_AT + 1), SIGNATURE, BODY, at(SENT_AT)), "WRONG_SIGNATURE");
  assert.equal(verifyWebhook("another-secret", String(SENT_AT), SIGNATURE, BODY, at(SENT_AT)), false);
});

test("a recorded delivery replayed outside the tolerance is refused", () => {
  assert.equal(checkWebhook(SECRET, String(SENT_AT), SIGNATURE, BODY, at(SENT_AT + 300)), "VALID");
  assert.equal(checkWebhook(SECRET, String(SENT_AT), SIGNATURE, BODY, at(SENT_AT + 301)), "TIMESTAMP_OUT_OF_TOLERANCE");
  assert.equal(checkWebhook(SECRET, String(SENT_AT), SIGNATURE, BODY, at(SENT_AT - 301)), "TIMESTAMP_OUT_OF_TOLERANCE");
});

test("missing or malformed headers are refused", () => {
  assert.equal(checkWebhook(SECRET, undefined, SIGNATURE, BODY, at(SENT_AT)), "MISSING_HEADERS");
  assert.equal(checkWebhook(SECRET, String(SENT_AT), null, BODY, at(SENT_AT)), "MISSING_HEADERS");
  assert.equal(checkWebhook(SECRET, "yesterday", SIGNATURE, BODY, at(SENT_AT)), "MALFORMED_SIGNATURE");
  assert.equal(checkWebhook(SECRET, String(SENT_AT), SIGNATURE.slice(7), BODY, at(SENT_AT)), "MALFORMED_SIGNATURE");
  assert.equal(checkWebhook(SECRET, String(SENT_AT), "sha256=zz", BODY, at(SENT_AT)), "MALFORMED_SIGNATURE");
  assert.equal(checkWebhook(SECRET, String(SENT_AT), "sha256=" + "00".repeat(32), BODY, at(SENT_AT)), "WRONG_SIGNATURE");
});
