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

/**
 * Auth0's Actions Limitations page: the cache holds at most 20 entries per trigger, keys of at
 * most 64 bytes, values of at most 4 KB, 8 KB of keys and values in all, none older than 24 h;
 * without ttl/expires_at an entry lives 15 minutes; a flow must finish within 20 s; Auth0 keeps the
 * first 256 characters of each console.log.
 */
export const AUTH0_LIMITS = {
  cacheKeyBytes: 64,
  cacheValueBytes: 4096,
  cacheEntries: 20,
  cacheTotalBytes: 8192,
  cacheMaxLifetimeMs: 24 * 60 * 60 * 1000,
  cacheDefaultLifetimeMs: 15 * 60 * 1000,
  flowMs: 20_000,
  logChars: 256,
} as const;

interface CacheEntry {
  value: string;
  expires_at: number;
}

export type CacheWriteResult = { type: "success" } | { type: "error"; code: string };

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * Auth0's `api.cache`, one per trigger (the Actions bound to a trigger share it): string values,
 * `expires_at`/`ttl` against the (virtual) clock, and every documented limit, answered as Auth0
 * answers a refused write, `{ type: "error", code }`. Where the documentation is silent (what a
 * lifetime over 24 h or a 21st entry does) the fake takes the stricter reading and refuses.
 */
export class FakeCache {
  readonly entries = new Map<string, CacheEntry>();
  get = vi.fn((key: string) => {
    const entry = this.entries.get(key);
    if (!entry || entry.expires_at <= Date.now()) return undefined;
    return { ...entry };
  });
  set = vi.fn((key: string, value: string, options: { ttl?: number; expires_at?: number } = {}): CacheWriteResult => {
    if (typeof key !== "string" || typeof value !== "string") return { type: "error", code: "INVALID_ARGUMENT" };
    if (bytes(key) > AUTH0_LIMITS.cacheKeyBytes) return { type: "error", code: "KEY_TOO_LARGE" };
    if (bytes(value) > AUTH0_LIMITS.cacheValueBytes) return { type: "error", code: "VALUE_TOO_LARGE" };
    const now = Date.now();
    const candidates = [options.expires_at, options.ttl === undefined ? undefined : now + options.ttl].filter((t): t is number => typeof t === "number");
    const expires = candidates.length > 0 ? Math.min(...candidates) : now + AUTH0_LIMITS.cacheDefaultLifetimeMs;
    if (expires - now > AUTH0_LIMITS.cacheMaxLifetimeMs) return { type: "error", code: "LIFETIME_TOO_LONG" };
    for (const [k, entry] of this.entries) if (entry.expires_at <= now) this.entries.delete(k);
    if (!this.entries.has(key) && this.entries.size >= AUTH0_LIMITS.cacheEntries) return { type: "error", code: "TOO_MANY_ENTRIES" };
    let total = bytes(key) + bytes(value);
    for (const [k, entry] of this.entries) if (k !== key) total += bytes(k) + bytes(entry.value);
    if (total > AUTH0_LIMITS.cacheTotalBytes) return { type: "error", code: "CACHE_FULL" };
    this.entries.set(key, { value, expires_at: expires });
    return { type: "success" };
  });
  delete = vi.fn((key: string): CacheWriteResult => {
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
    authentication: { setUserById: vi.fn(), setActor: vi.fn() },
  };
}
export type FakeApi = ReturnType<typeof fakeApi>;

export interface FetchCall {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/**
 * What a route answers: a Response (or a promise of one, e.g. `after(ms, …)`), "hang" (no headers,
 * ever) or "hang-body" (200 and headers at once, then a body that never arrives).
 */
export type Responder = (call: FetchCall) => Response | "hang" | "hang-body" | Promise<Response>;

const aborted = () => new DOMException("This operation was aborted", "AbortError");

/**
 * A `fetch` that answers by URL prefix and records every call. Like Node's fetch, the request's
 * AbortSignal ends it at any point: before the headers (the promise rejects) and while the body
 * is read (the body stream errors). Without a signal a hanging request hangs for good. An
 * unrouted URL fails as Node's fetch fails, with the URL in the message (so a test sees an
 * Action that logs raw fetch errors).
 */
export function fakeFetch(routes: Record<string, Responder>) {
  const calls: FetchCall[] = [];
  const fetch = vi.fn((url: string, init: RequestInit = {}): Promise<Response> => {
    let body: unknown;
    try {
      body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    } catch {
      body = init.body;
    }
    const call: FetchCall = { url, method: init.method ?? "GET", headers: (init.headers ?? {}) as Record<string, string>, body };
    calls.push(call);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(aborted());
    // The longest matching prefix wins, so a specific route overrides a general one.
    const route = Object.keys(routes)
      .filter((prefix) => url.startsWith(prefix))
      .sort((a, b) => b.length - a.length)[0];
    if (route === undefined) return Promise.reject(new TypeError(`fetch failed: no route for ${url}`));
    const answer = routes[route]!(call);
    if (answer === "hang-body") return Promise.resolve(stalledBodyResponse(signal));
    return new Promise<Response>((resolve, reject) => {
      signal?.addEventListener("abort", () => reject(aborted()), { once: true });
      if (answer !== "hang") Promise.resolve(answer).then(resolve, reject);
    });
  });
  vi.stubGlobal("fetch", fetch);
  return { fetch, calls };
}

function stalledBodyResponse(signal: AbortSignal | undefined): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"access_token":'));
      signal?.addEventListener("abort", () => controller.error(aborted()), { once: true });
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "application/json" } });
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** A response that arrives `ms` (virtual) milliseconds after the request. */
export function after(ms: number, respond: () => Response): Promise<Response> {
  return new Promise((resolve) => setTimeout(() => resolve(respond()), ms));
}

/** A virtual clock (vitest's fake timers, Date included) starting at `start`. */
export function virtualClock(start = "2025-06-01T12:00:00Z") {
  vi.useFakeTimers({ now: new Date(start) });
  return {
    advance: (ms: number) => vi.advanceTimersByTimeAsync(ms),
    /**
     * Runs the clock timer by timer until `run` settles; the virtual time it took. Throws when
     * `run` waits on nothing the clock can bring (it would hang for good) or past `limitMs`.
     */
    async settle(run: Promise<unknown>, limitMs = 60_000): Promise<number> {
      let settled = false;
      run.then(
        () => (settled = true),
        () => (settled = true),
      );
      const begin = Date.now();
      await vi.advanceTimersByTimeAsync(0);
      while (!settled) {
        if (vi.getTimerCount() === 0) throw new Error(`never settles: nothing left to wait for after ${Date.now() - begin} virtual ms`);
        if (Date.now() - begin > limitMs) throw new Error(`still running after ${limitMs} virtual ms`);
        await vi.advanceTimersToNextTimerAsync();
      }
      await run;
      return Date.now() - begin;
    },
  };
}

export const TENANT = "alphaswarm-dev.us.auth0.com";
export const BACKEND = "https://api.dev.alpha-swarm.ai";
export const AUDIENCE = "https://api.dev.alpha-swarm.ai/";
/** Auth0 client IDs are 32 characters. */
export const CLIENT_ID = "Xk3Jq9TzWm2Lp8Rv4Ns7Yb1Hc6Df0Ga5";

/** Secrets as auth0kit sets them for the backend-calling Actions. */
export function backendSecrets(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const secrets: Record<string, string | undefined> = {
    CLAIMS_NAMESPACE: "https://alphaswarm.internal/",
    BACKEND_URL: BACKEND,
    AUTH0_DOMAIN: TENANT,
    CLIENT_ID,
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

/** Every line the Actions logged, in order. */
export function logLines(): string[] {
  return vi.mocked(console.log).mock.calls.map((args) => args.map(String).join(" "));
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
