/**
 * The Management API, read-only: a client-credentials token, then GET requests only. The guard
 * sits below every caller (`readOnly` wraps the transport), so no code path of the adopter can
 * send a write to the tenant, whatever it asks for.
 */
import { obj, str, type Json } from "./json";

export interface HttpRequest {
  readonly method: string;
  /** Absolute URL, e.g. https://tenant.us.auth0.com/api/v2/clients?page=0 */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface Credentials {
  /** The tenant's host, e.g. acme.us.auth0.com (or the emulator's 127.0.0.1:4443). */
  readonly domain: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** A failure talking to the tenant: the message says what to do (exit 1, never a stack trace). */
export class TenantReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TenantReadError";
  }
}

/**
 * Lets through the one POST that obtains the token and GETs of the Management API; refuses
 * anything else before it leaves the process.
 */
export function readOnly(transport: Transport): Transport {
  return (request) => {
    const { pathname } = new URL(request.url);
    const allowed = (request.method === "GET" && pathname.startsWith("/api/v2/")) || (request.method === "POST" && pathname === "/oauth/token");
    if (!allowed) return Promise.reject(new TenantReadError(`refused ${request.method} ${pathname}: the adopter only reads the tenant (GET /api/v2/…)`));
    return transport(request);
  };
}

const MAX_RETRIES = 5;

export class ManagementReader {
  private readonly transport: Transport;
  /** One token request, however many reads start at once. */
  private token: Promise<string> | undefined;

  constructor(
    private readonly credentials: Credentials,
    transport: Transport,
    /** Waits before retrying a 429; injectable so tests do not sleep. */
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.transport = readOnly(transport);
  }

  get domain(): string {
    return this.credentials.domain;
  }

  /** The Management API's audience, which its own client grants name. */
  get audience(): string {
    return `https://${this.credentials.domain}/api/v2/`;
  }

  /** GET /api/v2<path>; `optional` answers undefined when the tenant's plan lacks the feature (404, or 403 not for a scope). */
  async get(path: string, query: Record<string, string> = {}, optional = false): Promise<unknown> {
    const url = new URL(`https://${this.credentials.domain}/api/v2${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const token = await this.accessToken();
    for (let attempt = 0; ; attempt++) {
      const response = await this.transport({ method: "GET", url: url.toString(), headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
      if (response.status === 429 && attempt < MAX_RETRIES) {
        await this.wait(retryDelay(response, attempt));
        continue;
      }
      if (optional && featureMissing(response)) return undefined;
      if (response.status !== 200) throw new TenantReadError(`GET /api/v2${path}: ${describeFailure(response)}`);
      return JSON.parse(response.body) as unknown;
    }
  }

  /** Every item of an offset-paginated list (`page`, `per_page`, `include_totals`). */
  async pages(path: string, key: string, query: Record<string, string> = {}): Promise<Json[]> {
    const items: Json[] = [];
    for (let page = 0; ; page++) {
      const answer = await this.get(path, { ...query, page: String(page), per_page: "100", include_totals: "true" });
      const batch = Array.isArray(answer) ? answer : (obj(answer)?.[key] as unknown[] | undefined) ?? [];
      items.push(...(batch as Json[]));
      const total = Array.isArray(answer) ? undefined : obj(answer)?.total;
      if (batch.length === 0 || (typeof total === "number" ? items.length >= total : batch.length < 100)) return items;
    }
  }

  /** Every item of a checkpoint-paginated list (`take`, `from`, `next`). */
  async checkpoints(path: string, key: string): Promise<Json[]> {
    const items: Json[] = [];
    let from: string | undefined;
    do {
      const answer = obj(await this.get(path, { take: "100", ...(from === undefined ? {} : { from }) }));
      items.push(...(((answer?.[key] as unknown[] | undefined) ?? []) as Json[]));
      from = str(answer?.next);
    } while (from !== undefined && from !== "");
    return items;
  }

  private accessToken(): Promise<string> {
    this.token ??= this.requestToken();
    return this.token;
  }

  private async requestToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
      audience: this.audience,
    }).toString();
    const response = await this.transport({
      method: "POST",
      url: `https://${this.credentials.domain}/oauth/token`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    const token = response.status === 200 ? str(obj(JSON.parse(response.body))?.access_token) : undefined;
    if (token === undefined) {
      throw new TenantReadError(`POST /oauth/token: ${describeFailure(response)}; check AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET, and that the client is authorized for the Management API`);
    }
    return token;
  }
}

/** A 404, or a 403 that is not about scopes: the tenant's plan has no such feature. A missing scope is an error. */
function featureMissing(response: HttpResponse): boolean {
  if (response.status === 404) return true;
  if (response.status !== 403) return false;
  try {
    return obj(JSON.parse(response.body))?.errorCode !== "insufficient_scope";
  } catch {
    return true;
  }
}

function retryDelay(response: HttpResponse, attempt: number): number {
  const reset = Number(response.headers["x-ratelimit-reset"]);
  const untilReset = Number.isFinite(reset) && reset > 0 ? reset * 1000 - Date.now() : NaN;
  return Number.isFinite(untilReset) && untilReset > 0 ? Math.min(untilReset, 10_000) : 250 * 2 ** attempt;
}

/** Status and Auth0's error text, never the body of a success (which may hold secrets). */
function describeFailure(response: HttpResponse): string {
  let detail = "";
  try {
    const body = obj(JSON.parse(response.body));
    detail = [str(body?.errorCode) ?? str(body?.error), str(body?.message) ?? str(body?.error_description)].filter(Boolean).join(": ");
  } catch {
    detail = "";
  }
  const scopeHint = response.status === 403 ? "; grant the adopting client the read scopes listed in the README (npm run adopt)" : "";
  return `${response.status}${detail ? ` ${detail}` : ""}${scopeHint}`;
}
