export * as cases from "./generated/cases";
export * as evidence from "./generated/evidence";
export * as legal from "./generated/legal";
export * as reporting from "./generated/reporting";
export { ArccClient, ArccClientOptions } from "./client";
export { arccFetch, ArccFetchOptions, RetryPolicy, DEFAULT_RETRIES, NO_RETRIES, IDEMPOTENCY_KEY, retryAfterMs } from "./fetch";
export { ArccProblem, FieldError, PROBLEM_MEDIA_TYPE } from "./problem";
export { OidcTokens, TokenSource, TokenRefused, tokenEndpoint, fixedToken } from "./tokens";
export { checkWebhook, verifyWebhook, signWebhook, Verdict, SIGNATURE_HEADER, TIMESTAMP_HEADER, DELIVERY_HEADER, DEFAULT_TOLERANCE_SECONDS } from "./webhook";
