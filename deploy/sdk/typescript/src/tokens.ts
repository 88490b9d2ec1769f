/** Where `arccFetch` gets the bearer token it sends; `OidcTokens` is the usual one. */
export interface TokenSource {
  /** A token valid now (renewed as needed). */
  accessToken(): Promise<string>;
  /** Forgets the current token, e.g. after the platform answered 401 to it. */
  invalidate?(): void;
}

/** Refused by the identity provider (wrong secret, unknown client…): the OAuth error code, never the secret. */
export class TokenRefused extends Error {
  constructor(readonly status: number, readonly error: string, grantType: string, clientId: string) {
    super(`Token refused (${grantType} grant, client ${clientId}): HTTP ${status} ${error}`);
    this.name = "TokenRefused";
  }
}

/** The token endpoint of realm `arcc` on a Keycloak at `keycloakUrl` (e.g. http://localhost:8180). */
export function tokenEndpoint(keycloakUrl: string): string {
  return keycloakUrl.replace(/\/+$/, "") + "/realms/arcc/protocol/openid-connect/token";
}

const EARLY_SECONDS = 30;

/**
 * Access tokens from the ARCC identity provider (Keycloak realm `arcc`). Partners and cells' API clients use the
 * client credentials grant with their confidential client; the password grant exists for the development client
 * `arcc-cli` (tests, demos) only. A token is reused until 30 s before it expires, then renewed with its refresh
 * token when there is one, otherwise asked for again. Concurrent callers share one request.
 */
export class OidcTokens implements TokenSource {
  private token?: string;
  private refreshToken?: string;
  private renewAt = 0;
  private refreshUntil = 0;
  private pending?: Promise<string>;

  private constructor(
    private readonly endpoint: string,
    private readonly grant: Record<string, string>,
    private readonly now: () => number,
    private readonly fetchFn: typeof fetch,
  ) {}

  static clientCredentials(endpoint: string, clientId: string, clientSecret: string,
    options: { now?: () => number; fetch?: typeof fetch } = {}): OidcTokens {
    return new OidcTokens(endpoint, { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret },
      options.now ?? Date.now, options.fetch ?? fetch);
  }

  static password(endpoint: string, clientId: string, username: string, password: string,
    options: { now?: () => number; fetch?: typeof fetch } = {}): OidcTokens {
    return new OidcTokens(endpoint, { grant_type: "password", client_id: clientId, username, password },
      options.now ?? Date.now, options.fetch ?? fetch);
  }

  accessToken(): Promise<string> {
    if (this.token && this.now() < this.renewAt) {
      return Promise.resolve(this.token);
    }
    this.pending ??= this.renew().finally(() => { this.pending = undefined; });
    return this.pending;
  }

  invalidate(): void {
    this.token = undefined;
    this.renewAt = 0;
  }

  private async renew(): Promise<string> {
    const now = this.now();
    let answer: Record<string, unknown> | undefined;
    if (this.refreshToken && now < this.refreshUntil) {
      const refresh: Record<string, string> = { grant_type: "refresh_token", client_id: this.grant.client_id };
      if (this.grant.client_secret) {
        refresh.client_secret = this.grant.client_secret;
      }
      refresh.refresh_token = this.refreshToken;
      answer = await this.post(refresh, false);
    }
    answer ??= await this.post(this.grant, true);
    const expiresIn = typeof answer!.expires_in === "number" ? answer!.expires_in : 60;
    this.token = String(answer!.access_token);
    this.renewAt = now + 1000 * Math.max(1, expiresIn - Math.min(EARLY_SECONDS, expiresIn / 2));
    this.refreshToken = typeof answer!.refresh_token === "string" ? answer!.refresh_token : undefined;
    const refreshIn = typeof answer!.refresh_expires_in === "number" && answer!.refresh_expires_in > 0
      ? answer!.refresh_expires_in : expiresIn;
    this.refreshUntil = this.refreshToken ? now + 1000 * (refreshIn - Math.min(EARLY_SECONDS, refreshIn / 2)) : 0;
    return this.token;
  }

  private async post(form: Record<string, string>, mustSucceed: true): Promise<Record<string, unknown>>;
  private async post(form: Record<string, string>, mustSucceed: false): Promise<Record<string, unknown> | undefined>;
  private async post(form: Record<string, string>, mustSucceed: boolean): Promise<Record<string, unknown> | undefined> {
    const response = await this.fetchFn(this.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams(form).toString(),
    });
    let answer: Record<string, unknown> | undefined;
    try {
      answer = (await response.json()) as Record<string, unknown>;
    } catch {
      answer = undefined;
    }
    if (response.status === 200 && answer && typeof answer.access_token === "string") {
      return answer;
    }
    if (!mustSucceed) {
      return undefined;
    }
    const error = answer && typeof answer.error === "string" ? answer.error : "no token in the answer";
    throw new TokenRefused(response.status, error, this.grant.grant_type, this.grant.client_id);
  }
}

/** A fixed token (tests, or a token your own code already holds). */
export function fixedToken(token: string): TokenSource {
  return { accessToken: () => Promise.resolve(token) };
}
