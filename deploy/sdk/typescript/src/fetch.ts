import { randomUUID } from "node:crypto";
import { ArccProblem } from "./problem";
import { TokenSource } from "./tokens";

/** How `arccFetch` retries; see `arccFetch`. */
export interface RetryPolicy {
  maxAttempts: number;
  firstBackoffMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRIES: RetryPolicy = { maxAttempts: 5, firstBackoffMs: 200, maxDelayMs: 30_000 };
export const NO_RETRIES: RetryPolicy = { maxAttempts: 1, firstBackoffMs: 0, maxDelayMs: 0 };

export const IDEMPOTENCY_KEY = "Idempotency-Key";
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export interface ArccFetchOptions {
  tokens?: TokenSource;
  retries?: RetryPolicy;
  /** Waits between attempts; tests pass one that records instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** The fetch underneath (the global one by default). */
  fetch?: typeof fetch;
}

/**
 * A `fetch` with what every call to the platform needs; pass it as `fetchApi` to the generated APIs'
 * `Configuration` (`ArccClient` does):
 * - `Authorization: Bearer` from a `TokenSource`; on a 401 the token is renewed once and the request sent again;
 * - an `Idempotency-Key` on every POST that has none, kept for all its retries, so the platform does the work once;
 * - retries after a network failure, 502/503/504, 429, and 409 with `Retry-After` (the first attempt with the same
 *   key still runs), waiting what `Retry-After` says (capped by `maxDelayMs`). Only requests safe to repeat are
 *   retried: GET, HEAD, PUT, DELETE, OPTIONS and POSTs with an `Idempotency-Key`; others only when the connection
 *   was refused (nothing was sent);
 * - every answer with status 400 or more thrown as an `ArccProblem`.
 */
export function arccFetch(options: ArccFetchOptions = {}): typeof fetch {
  const retries = options.retries ?? DEFAULT_RETRIES;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const underlying = options.fetch ?? fetch;
  const backoff = (failed: number) => Math.min(retries.maxDelayMs, retries.firstBackoffMs * 2 ** (failed - 1));

  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (method === "POST" && !headers.has(IDEMPOTENCY_KEY)) {
      headers.set(IDEMPOTENCY_KEY, randomUUID());
    }
    const safeToRepeat = IDEMPOTENT_METHODS.has(method) || headers.has(IDEMPOTENCY_KEY);
    let renewedToken = false;
    for (let attempt = 1; ; attempt++) {
      if (options.tokens) {
        headers.set("Authorization", `Bearer ${await options.tokens.accessToken()}`);
      }
      let response: Response;
      try {
        response = await underlying(input, { ...init, method, headers });
      } catch (error) {
        if (attempt < retries.maxAttempts && (safeToRepeat || connectionRefused(error))) {
          await sleep(backoff(attempt));
          continue;
        }
        throw error;
      }
      if (response.status === 401 && options.tokens?.invalidate && !renewedToken) {
        options.tokens.invalidate();
        renewedToken = true;
        attempt--; // a stale token is not a failed attempt
        continue;
      }
      const wait = retryAfterMs(response.headers.get("Retry-After"));
      const retryable = RETRY_STATUSES.has(response.status) || (response.status === 409 && wait !== undefined);
      if (retryable && safeToRepeat && attempt < retries.maxAttempts) {
        await response.body?.cancel();
        await sleep(Math.min(retries.maxDelayMs, wait ?? backoff(attempt)));
        continue;
      }
      if (response.status >= 400) {
        throw await ArccProblem.fromResponse(response);
      }
      return response;
    }
  };
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function connectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code === "ECONNREFUSED";
}
