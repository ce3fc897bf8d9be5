/**
 * The emulator without its transport: one function from a request (method, URL, headers, body
 * text) to a response (status, headers, body text). The HTTPS server wraps it; the conformance
 * test drives it directly. Order of checks, as Auth0 applies them: rate limit, then the bearer
 * token, then routing (501 for what is not implemented), then the JSON body, then the handler.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import FindMyWay from "find-my-way";
import { ApiError, oauthError } from "./errors";
import { FAMILIES } from "./families";
import { TokenBucket } from "./rateLimit";
import type { Handler, Method } from "./routes";
import { Store } from "./store";
import { TIER_LIMITS, type Tier } from "./tiers";

export interface AppOptions {
  /** The host the provider is given as auth0:domain, e.g. `127.0.0.1:4443`. */
  readonly domain: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Rate-limit as this plan tier does; no limit when absent. */
  readonly tier?: Tier;
  /** State to start from (e.g. loaded from --state); an empty store gets a new tenant's contents. */
  readonly store?: Store;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly clock?: () => number;
}

export interface AppRequest {
  readonly method: string;
  /** Path and query, e.g. `/api/v2/clients?page=0`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface AppResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** JSON text, or undefined for an empty body (204). */
  readonly body: string | undefined;
}

export interface App {
  readonly store: Store;
  handle(request: AppRequest): AppResponse;
  /** A bearer token as POST /oauth/token would issue it (for in-process drivers such as tests). */
  issueToken(): string;
}

const TOKEN_LIFETIME_SECONDS = 86_400;

function json(status: number, body: unknown, headers: Record<string, string> = {}): AppResponse {
  return body === undefined
    ? { status, headers, body: undefined }
    : { status, headers: { "content-type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(body) };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(headers: AppRequest["headers"], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Client credentials from a form or JSON body, or HTTP Basic (the oauth2 library may use either). */
function credentials(request: AppRequest): { grantType?: string; id?: string; secret?: string } {
  const type = header(request.headers, "content-type") ?? "";
  let fields: Record<string, unknown> = {};
  if (type.includes("application/json")) {
    try {
      fields = JSON.parse(request.body) as Record<string, unknown>;
    } catch {
      fields = {};
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(request.body));
  }
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  let id = str(fields.client_id);
  let secret = str(fields.client_secret);
  const auth = header(request.headers, "authorization");
  if (auth?.startsWith("Basic ")) {
    const [user, pass] = Buffer.from(auth.slice(6), "base64").toString().split(":");
    id = decodeURIComponent(user ?? "");
    secret = decodeURIComponent(pass ?? "");
  }
  return { grantType: str(fields.grant_type), id, secret };
}

export function createApp(options: AppOptions): App {
  const store = options.store ?? new Store();
  const clock = options.clock ?? Date.now;
  const bucket = options.tier === undefined ? undefined : new TokenBucket(TIER_LIMITS[options.tier], clock);
  const tokens = new Map<string, number>();
  const router = FindMyWay({ ignoreTrailingSlash: true });
  // find-my-way only routes here; the family handler travels as the route's store.
  const table = { on: (method: Method, path: string, handler: Handler) => router.on(method, `/api/v2${path}`, () => undefined, { handler }) };
  for (const family of FAMILIES) family.routes(table);
  if (store.isEmpty()) for (const family of FAMILIES) family.seed?.(store, { domain: options.domain });

  function issueToken(): string {
    const token = randomBytes(32).toString("base64url");
    tokens.set(token, clock() + TOKEN_LIFETIME_SECONDS * 1000);
    return token;
  }

  function token(request: AppRequest): AppResponse {
    const { grantType, id, secret } = credentials(request);
    if (grantType !== "client_credentials") return json(403, oauthError("unsupported_grant_type", "Unsupported grant type: " + (grantType ?? "none")));
    if (id === undefined || secret === undefined || !same(id, options.clientId) || !same(secret, options.clientSecret)) {
      return json(401, oauthError("access_denied", "Unauthorized"));
    }
    return json(200, { access_token: issueToken(), token_type: "Bearer", expires_in: TOKEN_LIFETIME_SECONDS });
  }

  function authorised(request: AppRequest): boolean {
    const auth = header(request.headers, "authorization");
    if (auth === undefined || !auth.startsWith("Bearer ")) throw new ApiError(401, "Missing authentication");
    const expiry = tokens.get(auth.slice(7));
    if (expiry === undefined || expiry < clock()) throw new ApiError(401, "Invalid token");
    return true;
  }

  function api(request: AppRequest, path: string, query: URLSearchParams): AppResponse {
    authorised(request);
    const route = router.find(request.method as Method, path);
    if (route === null) throw new ApiError(501, `The emulator does not implement ${request.method} ${path}`, "not_implemented");
    let body: unknown;
    if (request.body.trim() !== "") {
      try {
        body = JSON.parse(request.body);
      } catch {
        throw new ApiError(400, "Invalid request payload JSON format", "invalid_body");
      }
    }
    const { handler } = route.store as { handler: Handler };
    const reply = handler({ params: route.params as Record<string, string>, query, body, store, tenant: { domain: options.domain }, now: () => new Date(clock()) });
    return json(reply.status, reply.body);
  }

  function handle(request: AppRequest): AppResponse {
    const url = new URL(request.url, "https://emulator.invalid");
    if (request.method === "POST" && url.pathname === "/oauth/token") return token(request);
    const limit = url.pathname.startsWith("/api/v2/") ? bucket?.take() : undefined;
    const limitHeaders = limit?.headers ?? {};
    try {
      if (limit !== undefined && !limit.allowed) throw new ApiError(429, "Global limit has been reached", "too_many_requests");
      const response = api(request, url.pathname, url.searchParams);
      return { ...response, headers: { ...response.headers, ...limitHeaders } };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return json(e.statusCode, e.body(), { ...limitHeaders, ...e.headers });
    }
  }

  return { store, handle, issueToken };
}
