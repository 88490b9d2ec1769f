/** One invalid input: where it is (`body.channel`, `query.page`) and what is wrong with it. */
export interface FieldError {
  field?: string;
  message?: string;
}

export const PROBLEM_MEDIA_TYPE = "application/problem+json";

/**
 * A refusal from the platform: its RFC 9457 `application/problem+json` body as a typed error. Branch on `type`
 * (e.g. `urn:arcc:problem:consent-required`); quote `requestId` to the platform's operators.
 * `arccFetch` throws it for every answer with status 400 or more, so it reaches callers of the generated APIs.
 */
export class ArccProblem extends Error {
  readonly type: string;
  readonly title?: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly errors: FieldError[];

  constructor(fields: {
    type: string; title?: string; status: number; detail?: string; instance?: string; requestId?: string; errors?: FieldError[];
  }) {
    super(`${fields.status} ${fields.type}${fields.detail ? ": " + fields.detail : ""}${fields.requestId ? " (request " + fields.requestId + ")" : ""}`);
    this.name = "ArccProblem";
    this.type = fields.type;
    this.title = fields.title;
    this.status = fields.status;
    this.detail = fields.detail;
    this.instance = fields.instance;
    this.requestId = fields.requestId;
    this.errors = fields.errors ?? [];
  }

  /** Reads a refusal. A body that is not a problem document still gives one (`about:blank` with the HTTP status). */
  static async fromResponse(response: Response): Promise<ArccProblem> {
    const requestIdHeader = response.headers.get("X-Request-Id") ?? undefined;
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = undefined;
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return new ArccProblem({ type: "about:blank", title: `HTTP ${response.status}`, status: response.status, requestId: requestIdHeader });
    }
    const p = body as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v : undefined);
    return new ArccProblem({
      type: text(p.type) ?? "about:blank",
      title: text(p.title),
      status: typeof p.status === "number" ? p.status : response.status,
      detail: text(p.detail),
      instance: text(p.instance),
      requestId: text(p.requestId) ?? requestIdHeader,
      errors: Array.isArray(p.errors)
        ? p.errors.map((e: Record<string, unknown>) => ({ field: text(e?.field), message: text(e?.message) }))
        : [],
    });
  }
}
