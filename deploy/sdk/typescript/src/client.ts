import * as cases from "./generated/cases";
import * as evidence from "./generated/evidence";
import * as legal from "./generated/legal";
import * as reporting from "./generated/reporting";
import { arccFetch, RetryPolicy } from "./fetch";
import { OidcTokens, TokenSource, tokenEndpoint } from "./tokens";

export interface ArccClientOptions {
  /** The gateway, e.g. http://localhost:8080 (all four services answer under its /api/v1). */
  baseUrl: string;
  tokens?: TokenSource;
  retries?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/**
 * The entry point of the TypeScript SDK: one per identity (a partner, a cell's API client), handing out the
 * configurations the generated APIs take, all through `arccFetch` (tokens, Idempotency-Key, safe retries,
 * ArccProblem).
 *
 * ```ts
 * const arcc = ArccClient.clientCredentials("http://localhost:8080", "http://localhost:8180", "ngo-demo", secret);
 * const referrals = new cases.ReferralsApi(arcc.cases());
 * ```
 */
export class ArccClient {
  /** The fetch every generated API of this client uses; also for requests you build yourself. */
  readonly fetch: typeof fetch;
  private readonly basePath: string;

  constructor(options: ArccClientOptions) {
    this.basePath = options.baseUrl.replace(/\/+$/, "");
    this.fetch = arccFetch({ tokens: options.tokens, retries: options.retries, sleep: options.sleep, fetch: options.fetch });
  }

  /** A partner's or a cell API client's tokens (client credentials grant). */
  static clientCredentials(gatewayUrl: string, keycloakUrl: string, clientId: string, clientSecret: string): ArccClient {
    return new ArccClient({ baseUrl: gatewayUrl, tokens: OidcTokens.clientCredentials(tokenEndpoint(keycloakUrl), clientId, clientSecret) });
  }

  /** A person's tokens through the development client arcc-cli (tests and demos only). */
  static password(gatewayUrl: string, keycloakUrl: string, clientId: string, username: string, password: string): ArccClient {
    return new ArccClient({ baseUrl: gatewayUrl, tokens: OidcTokens.password(tokenEndpoint(keycloakUrl), clientId, username, password) });
  }

  /** For the cases service's APIs: cases, consent, services, referrals, cells. */
  cases(): cases.Configuration {
    return new cases.Configuration({ basePath: this.basePath, fetchApi: this.fetch });
  }

  /** For the evidence service's APIs: kits and their chain of custody. */
  evidence(): evidence.Configuration {
    return new evidence.Configuration({ basePath: this.basePath, fetchApi: this.fetch });
  }

  /** For the legal-aid service's APIs: legal files, FIRs, hearings. */
  legal(): legal.Configuration {
    return new legal.Configuration({ basePath: this.basePath, fetchApi: this.fetch });
  }

  /** For the reporting service's APIs: the published statistics. */
  reporting(): reporting.Configuration {
    return new reporting.Configuration({ basePath: this.basePath, fetchApi: this.fetch });
  }
}
