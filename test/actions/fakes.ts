import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, beforeEach, vi } from "vitest";

export const ACTIONS_DIR = path.resolve(__dirname, "../../actions");

/** The Action exactly as deployed: Node's own `require` of the file, not a transformed copy. */
export function loadAction<T>(file: string): T {
  const full = path.join(ACTIONS_DIR, file);
  delete require.cache[full];
  return require(full) as T;
}

export function actionSource(file: string): string {
  return fs.readFileSync(path.join(ACTIONS_DIR, file), "utf8");
}

interface CacheEntry {
  value: string;
  expires_at?: number;
}

/** Auth0's `api.cache`: string values, honouring `expires_at`/`ttl` against the (fake) clock. */
export class FakeCache {
  readonly entries = new Map<string, CacheEntry>();
  get = vi.fn((key: string) => {
    const entry = this.entries.get(key);
    if (!entry || (entry.expires_at !== undefined && entry.expires_at <= Date.now())) return undefined;
    return { ...entry };
  });
  set = vi.fn((key: string, value: string, options: { ttl?: number; expires_at?: number } = {}) => {
    if (typeof value !== "string") throw new Error("api.cache only stores strings");
    const expires = options.expires_at ?? (options.ttl !== undefined ? Date.now() + options.ttl : Date.now() + 15 * 60_000);
    this.entries.set(key, { value, expires_at: expires });
    return { type: "success" };
  });
  delete = vi.fn((key: string) => {
    this.entries.delete(key);
    return { type: "success" };
  });
}

/** The parts of the Actions `api` object these Actions use, each a recording spy. */
export function fakeApi(cache = new FakeCache()) {
  return {
    cache,
    access: { deny: vi.fn(), rejectInvalidSubjectToken: vi.fn() },
    idToken: { setCustomClaim: vi.fn() },
    accessToken: { setCustomClaim: vi.fn() },
    multifactor: { enable: vi.fn() },
    authentication: { setUserById: vi.fn() },
  };
}
export type FakeApi = ReturnType<typeof fakeApi>;

export interface FetchCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

type Responder = (call: FetchCall) => Response | "hang" | Promise<Response>;

/**
 * A `fetch` that answers by URL prefix and records every call. A responder returning "hang"
 * never answers, until the request's AbortSignal fires (as real fetch does).
 */
export function fakeFetch(routes: Record<string, Responder>) {
  const calls: FetchCall[] = [];
  const fetch = vi.fn((url: string, init: RequestInit = {}) => {
    const call: FetchCall = {
      url,
      method: init.method ?? "GET",
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    // The longest matching prefix wins, so a specific route overrides a general one.
    const route = Object.keys(routes)
      .filter((prefix) => url.startsWith(prefix))
      .sort((a, b) => b.length - a.length)[0];
    if (!route) return Promise.reject(new TypeError(`fetch failed: no route for ${url}`));
    const answer = routes[route]!(call);
    if (answer !== "hang") return Promise.resolve(answer);
    return new Promise<Response>((_, reject) => {
      init.signal?.addEventListener("abort", () => reject(new DOMException("This operation was aborted", "AbortError")));
    });
  });
  vi.stubGlobal("fetch", fetch);
  return { fetch, calls };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

export const TENANT = "alphaswarm-dev.us.auth0.com";
export const BACKEND = "https://api.dev.alpha-swarm.ai";
export const AUDIENCE = "https://api.dev.alpha-swarm.ai/";

/** Secrets as auth0kit sets them for the backend-calling Actions. */
export function backendSecrets(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const secrets: Record<string, string | undefined> = {
    CLAIMS_NAMESPACE: "https://alphaswarm.internal/",
    BACKEND_URL: BACKEND,
    AUTH0_DOMAIN: TENANT,
    CLIENT_ID: "callback-client-id",
    CLIENT_SECRET: "callback-client-secret",
    API_AUDIENCE: AUDIENCE,
    FAIL_CLOSED: "true",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

/** Token endpoint and backend both healthy; tokens live an hour. */
export function healthyBackend(extra: Record<string, Responder> = {}) {
  let issued = 0;
  return fakeFetch({
    [`https://${TENANT}/oauth/token`]: () => json({ access_token: `m2m-token-${++issued}`, expires_in: 3600, token_type: "Bearer" }),
    [`${BACKEND}/_internal/`]: () => json({ ok: true }),
    ...extra,
  });
}

/**
 * Registers the hooks every Action test file needs: the Actions' logs silenced, and after each
 * test real timers, the real globals (fetch) and every spy restored.
 */
export function isolateEachTest(): void {
  beforeEach(() => {
    vi.spyOn(console, "log").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
