import * as crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { after, AUTH0_LIMITS, type FakeApi, fakeApi, FakeCache, fakeFetch, json, loadAction, logLines, type Responder, isolateEachTest, virtualClock } from "./fakes";

/**
 * Every Action, fed events whose fields may be missing, null or of any JSON type, with secrets
 * that may be missing or empty, a cache that may hold anything under any key, and a network that
 * may answer anything, stall before or after the headers, or fail: it never throws, it settles
 * within its time budget, every log line fits Auth0's 256 characters, and no secret value ends up
 * in a claim value, a deny or reject message or a log line.
 */

type Handler = (event: unknown, api: unknown) => Promise<void>;
const MFA = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";

isolateEachTest();

// --- arbitrary values -----------------------------------------------------------------------

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
/** Mostly the well-formed value (so that runs get past the first check), sometimes anything at all. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 10, arbitrary }, { weight: 1, arbitrary: junk });
/** An object whose every field may be missing or malformed (junk includes undefined). */
const shape = (fields: Record<string, fc.Arbitrary<unknown>>) => maybe(fc.record(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, maybe(v)]))));

/**
 * Secret values carry a marker no event or response contains, so finding one in an output means
 * the Action put a secret there. FAIL_CLOSED, INVITE_CHECK and BACKEND_TIMEOUT_MS are switches,
 * drawn from their meaningful values and some unexpected ones, and not checked (a log may say
 * "after 5000 ms").
 */
const marker = fc.stringMatching(/^[0-9a-f]{16}$/).map((hex) => `S3CR3T${hex}`);
const secretValue = (build: (m: string) => string) => fc.oneof({ weight: 15, arbitrary: marker.map(build) }, { weight: 1, arbitrary: fc.constantFrom(undefined, "") });
/** A value the Action needs to match its event (a token type, a client ID), or any other secret value. */
const matchingSecret = (value: string, build: (m: string) => string) => fc.oneof({ weight: 9, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: secretValue(build) });
const switches = {
  FAIL_CLOSED: fc.constantFrom(undefined, "true", "false", "maybe"),
  INVITE_CHECK: fc.constantFrom(undefined, "off", "b2b", "all", "all", "all", "ALL"),
  BACKEND_TIMEOUT_MS: fc.constantFrom(undefined, "1", "2500", "60000", "-4", "NaN", "1e9"),
};
const backendSecrets = fc.record(
  {
    CLAIMS_NAMESPACE: secretValue((m) => `https://${m}.example/`),
    BACKEND_URL: secretValue((m) => `https://${m}.example`),
    AUTH0_DOMAIN: secretValue((m) => `${m}.auth0.example`),
    CLIENT_ID: secretValue((m) => m),
    CLIENT_SECRET: secretValue((m) => m),
    API_AUDIENCE: secretValue((m) => `https://${m}.example/`),
    DISPOSABLE_DOMAINS: secretValue((m) => `${m}.example, mailinator.com`),
    ...switches,
  },
);

/** What the network does, one outcome per request in order; past the list every request fails with a 500. */
const outcome = (extra: fc.Arbitrary<() => Response>[] = []) =>
  fc.oneof(
    fc.record({ body: fc.jsonValue({ maxDepth: 3 }), status: fc.constantFrom(200, 201, 400, 401, 429, 500, 503) }).map(({ body, status }) => () => json(body, status)),
    fc.record({ access_token: fc.oneof(fc.string(), fc.constant("t".repeat(5000))), expires_in: maybe(fc.integer({ min: -10, max: 200_000 })) }).map((grant) => () => json(grant)),
    fc.constantFrom(() => json({ allowed: true }), () => json({ allowed: false }), () => new Response("<html>oops</html>", { status: 502 })),
    ...extra.map((arbitrary) => ({ weight: 3, arbitrary })),
  );
type Outcome = (() => Response) | "hang" | "hang-body" | "fail" | { after: number; respond: () => Response };
const network = (extra: fc.Arbitrary<() => Response>[] = []) =>
  fc.array(
    fc.oneof(
      { weight: 6, arbitrary: outcome(extra) as fc.Arbitrary<Outcome> },
      { weight: 1, arbitrary: fc.constantFrom<Outcome>("hang", "hang-body", "fail") },
      { weight: 1, arbitrary: fc.record({ after: fc.integer({ min: 0, max: 9000 }), respond: outcome(extra) }) },
    ),
    { maxLength: 4 },
  );

/** What api.cache.get answers, for any key: nothing, or a record of any shape. */
const cacheContents = fc.option(
  fc.record({ value: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), junk), expires_at: maybe(fc.integer()) }, { requiredKeys: [] }),
  { freq: 2 },
);

// --- running one case -----------------------------------------------------------------------

function routeAll(outcomes: Outcome[]): Responder {
  let next = 0;
  return () => {
    const planned = outcomes[next++];
    if (planned === undefined) return json({}, 500);
    if (planned === "fail") return Promise.reject(new TypeError("fetch failed"));
    if (planned === "hang" || planned === "hang-body") return planned;
    if (typeof planned === "function") return planned();
    return after(planned.after, planned.respond);
  };
}

interface Case {
  handler: Handler;
  event: Record<string, unknown>;
  outcomes: Outcome[];
  cached: unknown;
  cacheFull: boolean;
  budgetMs: number;
}

async function runCase({ handler, event, outcomes, cached, cacheFull, budgetMs }: Case): Promise<FakeApi> {
  vi.mocked(console.log).mockClear();
  const clock = virtualClock();
  try {
    const cache = new FakeCache();
    if (cached !== null) cache.get.mockReturnValue(cached as never);
    if (cacheFull) cache.set.mockReturnValue({ type: "error", code: "CACHE_FULL" });
    const api = fakeApi(cache);
    fakeFetch({ "": routeAll(outcomes) });
    const took = await clock.settle(handler(event, api), budgetMs + 1_000);
    expect(took).toBeLessThanOrEqual(budgetMs);
    return api;
  } finally {
    vi.useRealTimers();
  }
}

/** Secret values by marker, from whatever `secrets` turned out to be. */
function markers(secrets: unknown): string[] {
  if (secrets === null || typeof secrets !== "object") return [];
  return Object.values(secrets)
    .filter((value): value is string => typeof value === "string")
    .flatMap((value) => value.match(/S3CR3T[0-9a-f]{16}/g) ?? []);
}

function expectNoLeak(api: FakeApi, secrets: unknown): void {
  const outputs = [
    ...api.idToken.setCustomClaim.mock.calls.map(([, value]) => JSON.stringify(value) ?? ""),
    ...api.accessToken.setCustomClaim.mock.calls.map(([, value]) => JSON.stringify(value) ?? ""),
    ...api.access.deny.mock.calls.map((args) => args.join(" ")),
    ...api.access.rejectInvalidSubjectToken.mock.calls.map((args) => args.join(" ")),
    ...logLines(),
  ];
  for (const secret of markers(secrets)) for (const output of outputs) expect(output).not.toContain(secret);
  for (const line of logLines()) expect(line.length).toBeLessThanOrEqual(AUTH0_LIMITS.logChars);
}

const RUNS = { numRuns: 300 };

// --- the Actions ----------------------------------------------------------------------------

const connection = shape({
  id: fc.string({ maxLength: 10 }),
  name: fc.constantFrom("acme-okta", "acme-waad", "Username-Password-Authentication", "x".repeat(300)),
  strategy: fc.constantFrom("auth0", "okta", "waad", "samlp", "oidc", "google-oauth2"),
});
const groupsValue = fc.oneof(fc.array(maybe(fc.oneof(fc.string(), fc.record({ name: fc.string() }), fc.record({ id: fc.string() }))), { maxLength: 4 }), fc.string());
const user = shape({
  user_id: fc.string({ minLength: 1, maxLength: 20 }),
  email: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("ada@acme.example", "Ada@Acme.Example ") }, fc.emailAddress(), fc.constantFrom("ada@mailinator.com", "ada@sub.mailinator.com", "no-at-sign")),
  email_verified: fc.boolean(),
  name: fc.string(),
  picture: fc.webUrl(),
  groups: groupsValue,
  "http://schemas.xmlsoap.org/claims/Group": groupsValue,
  identities: fc.array(shape({ connection: fc.constantFrom("acme-okta", "acme-waad"), provider: fc.string(), profileData: shape({ groups: groupsValue }) }), { maxLength: 3 }),
});
const loginEvent = (secrets: fc.Arbitrary<unknown>) =>
  fc.record({
    secrets: maybe(secrets),
    user,
    connection,
    organization: shape({ id: fc.string({ minLength: 1 }), name: fc.string() }),
    transaction: shape({
      protocol: fc.constantFrom("oidc-basic-profile", "oauth2-refresh-token", "oauth2-token-exchange", "samlp"),
      acr_values: fc.oneof(fc.array(maybe(fc.constantFrom(MFA, "urn:example:loa:1"))), fc.constantFrom(MFA, `a ${MFA}`)),
    }),
    authorization: shape({ roles: fc.array(maybe(fc.string()), { maxLength: 4 }) }),
    client: shape({ client_id: fc.string(), metadata: shape({ flow: fc.constantFrom("b2b", "b2c") }) }),
  });

describe.each([
  ["post-login.js", "onExecutePostLogin", 7_000],
  ["idp-group-sync.js", "onExecutePostLogin", 7_000],
  ["pre-user-registration.js", "onExecutePreUserRegistration", 7_000],
])("%s with arbitrary malformed events", (file, exportName, budgetMs) => {
  const handler = loadAction<Record<string, Handler>>(file)[exportName]!;

  it("never throws, settles within its budget, and leaks no secret into a claim, a denial or a log line", async () => {
    await fc.assert(
      fc.asyncProperty(loginEvent(backendSecrets), network(), cacheContents, fc.boolean(), async (event, outcomes, cached, cacheFull) => {
        const api = await runCase({ handler, event, outcomes, cached, cacheFull, budgetMs });
        expectNoLeak(api, event.secrets);
      }),
      RUNS,
    );
  });
});

describe("agent-delegation.js with arbitrary malformed events and subject tokens", () => {
  const { onExecuteCustomTokenExchange } = loadAction<{ onExecuteCustomTokenExchange: Handler }>("agent-delegation.js");
  const key = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwks = { keys: [{ ...key.publicKey.export({ format: "jwk" }), kid: "k1", use: "sig" }] };
  const TOKEN_TYPE = "urn:alphaswarm:agent-delegation";
  const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value) ?? "").toString("base64url");

  const NOW = Date.parse("2025-06-01T12:00:00Z") / 1000; // virtualClock's start
  const signedToken = fc
    .record({
      header: fc.record({ alg: maybe(fc.constant("RS256")), kid: maybe(fc.constantFrom("k1", "k1", "k9")) }),
      claims: fc.record({
        iss: maybe(fc.constantFrom("https://tenant.auth0.example/", "https://tenant.auth0.example/", "https://evil.example/")),
        sub: maybe(fc.constantFrom("auth0|ada", "auth0|ada", "abc@clients", "")),
        aud: maybe(fc.constantFrom("https://api.example/", ["https://api.example/", "x"], "https://other.example/")),
        exp: maybe(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: NOW, max: NOW + 3600 }) }, fc.integer({ min: NOW - 3600, max: NOW }))),
        nbf: fc.constantFrom(undefined, NOW - 60, NOW + 3600),
        act: fc.constantFrom(undefined, undefined, undefined, { sub: "agent" }, "x"),
        azp: fc.constantFrom(undefined, "spa", "broker"),
      }),
    })
    .map(({ header, claims }) => {
      const input = `${b64(header)}.${b64(claims)}`;
      return `${input}.${crypto.sign("RSA-SHA256", Buffer.from(input), key.privateKey).toString("base64url")}`;
    });
  const subjectToken = fc.oneof(
    junk,
    fc.string(),
    fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 2 }), fc.string()).map(([h, c, s]) => `${b64(h)}.${b64(c)}.${s}`),
    { weight: 6, arbitrary: signedToken },
  );
  const secrets = fc.record(
    {
      SUBJECT_TOKEN_TYPE: matchingSecret(TOKEN_TYPE, (m) => `urn:${m}`),
      AUTH0_DOMAIN: matchingSecret("tenant.auth0.example", (m) => `${m}.auth0.example`),
      ISSUER: fc.constantFrom(undefined, "https://tenant.auth0.example/", "https://S3CR3T0123456789abcdef.example/"),
      API_AUDIENCE: matchingSecret("https://api.example/", (m) => `https://${m}.example/`),
      BROKER_CLIENT_ID: matchingSecret("broker", (m) => m),
      BACKEND_TIMEOUT_MS: switches.BACKEND_TIMEOUT_MS,
    },
  );
  const event = fc.record({
    secrets: maybe(secrets),
    client: shape({ client_id: fc.constantFrom(...Array(6).fill("broker"), "spa") }),
    transaction: shape({ subject_token_type: fc.constant(TOKEN_TYPE), subject_token: subjectToken, actor_token: fc.constantFrom(...Array(8).fill(undefined), "", "eyJ.actor") }),
    request: shape({ ip: fc.string() }),
  });

  it("never throws, settles within its budget, and leaks no secret into a denial, a rejection or a log line", async () => {
    await fc.assert(
      fc.asyncProperty(event, network([fc.constant(() => json(jwks))]), cacheContents, fc.boolean(), async (ev, outcomes, cached, cacheFull) => {
        const api = await runCase({ handler: onExecuteCustomTokenExchange, event: ev, outcomes, cached, cacheFull, budgetMs: 4_000 });
        expectNoLeak(api, ev.secrets);
        // The actor is the calling client, named as Auth0 names it in its own client-credentials tokens.
        for (const [actor] of api.authentication.setActor.mock.calls) expect(actor).toEqual({ sub: "broker@clients" });
      }),
      RUNS,
    );
  });
});
