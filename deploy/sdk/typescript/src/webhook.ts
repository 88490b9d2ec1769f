import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Arcc-Signature";
export const TIMESTAMP_HEADER = "X-Arcc-Timestamp";
export const DELIVERY_HEADER = "X-Arcc-Delivery";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type Verdict = "VALID" | "MISSING_HEADERS" | "MALFORMED_SIGNATURE" | "WRONG_SIGNATURE" | "TIMESTAMP_OUT_OF_TOLERANCE";

/**
 * Checks that a webhook delivery came from the platform. The cases service signs each delivery with the secret
 * registered for the partner: `X-Arcc-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Arcc-Timestamp>.<raw body>")>`,
 * `X-Arcc-Timestamp` (seconds since the epoch of this attempt) and `X-Arcc-Delivery` (the same on every retry:
 * deduplicate on it). Valid when the signature matches (constant-time comparison) and the timestamp is within
 * `toleranceSeconds` of `now` (each retry is signed afresh, so a genuine delivery is recent; a replay is not).
 * Pass the body exactly as received, before parsing it.
 */
export function checkWebhook(secret: string, timestamp: string | undefined | null, signature: string | undefined | null,
  rawBody: string | Uint8Array, options: { toleranceSeconds?: number; now?: () => number } = {}): Verdict {
  if (!timestamp || !signature) {
    return "MISSING_HEADERS";
  }
  const ts = timestamp.trim();
  const value = signature.trim();
  if (!/^\d+$/.test(ts) || !/^sha256=[0-9a-fA-F]{64}$/.test(value)) {
    return "MALFORMED_SIGNATURE";
  }
  const presented = Buffer.from(value.slice("sha256=".length), "hex");
  const expected = createHmac("sha256", secret).update(ts + ".").update(rawBody).digest();
  if (!timingSafeEqual(presented, expected)) {
    return "WRONG_SIGNATURE";
  }
  const ageSeconds = Math.abs((options.now ?? Date.now)() / 1000 - Number(ts));
  return ageSeconds > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS) ? "TIMESTAMP_OUT_OF_TOLERANCE" : "VALID";
}

/** Whether the delivery verifies; `checkWebhook` says why not. */
export function verifyWebhook(secret: string, timestamp: string | undefined | null, signature: string | undefined | null,
  rawBody: string | Uint8Array, options: { toleranceSeconds?: number; now?: () => number } = {}): boolean {
  return checkWebhook(secret, timestamp, signature, rawBody, options) === "VALID";
}

/** The `X-Arcc-Signature` value for a body sent at `timestamp` (what the platform sends; for tests). */
export function signWebhook(secret: string, timestamp: number, rawBody: string | Uint8Array): string {
  return "sha256=" + createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex");
}
