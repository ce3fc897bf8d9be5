import { beforeEach, describe, expect, it, vi } from "vitest";
import { AUDIENCE, BACKEND, backendSecrets, CLIENT_ID, type FakeApi, fakeApi, FakeCache, fakeFetch, healthyBackend, json, loadAction, logLines, TENANT, isolateEachTest, virtualClock } from "./fakes";

type PostLogin = { onExecutePostLogin(event: unknown, api: unknown): Promise<void> };
const { onExecutePostLogin } = loadAction<PostLogin>("post-login.js");
const MFA = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";

/** A post-login event as Auth0 sends it for a database login, overridable per test. */
function loginEvent(overrides: Record<string, unknown> = {}) {
  return {
    secrets: backendSecrets(),
    user: {
      user_id: "auth0|64f0c0ffee",
      email: "ada@example.com",
      email_verified: true,
      name: "Ada Lovelace",
      picture: "https://cdn.example.com/ada.png",
      identities: [{ connection: "Username-Password-Authentication", provider: "auth0", user_id: "64f0c0ffee" }],
    },
    connection: { id: "con_db", name: "Username-Password-Authentication", strategy: "auth0" },
    client: { client_id: "spa-client-id", name: "alphaswarm-spa", metadata: {} },
    transaction: { protocol: "oidc-basic-profile", acr_values: [], requested_scopes: ["openid", "profile"] },
    authorization: { roles: ["trader", "analyst"] },
    stats: { logins_count: 3 },
    request: { ip: "203.0.113.7", hostname: TENANT },
    ...overrides,
  };
}

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
});
isolateEachTest();

describe("post-login claims", () => {
  it("sets org_id, org_name and sorted roles under the namespace on both tokens for an organization login", async () => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ organization: { id: "org_acme", name: "acme", display_name: "Acme", metadata: {} } }), api);
    const expected = [
      ["https://alphaswarm.internal/org_id", "org_acme"],
      ["https://alphaswarm.internal/org_name", "acme"],
      ["https://alphaswarm.internal/roles", ["analyst", "trader"]],
    ];
    expect(api.idToken.setCustomClaim.mock.calls).toEqual(expected);
    expect(api.accessToken.setCustomClaim.mock.calls).toEqual(expected);
    expect(api.access.deny).not.toHaveBeenCalled();
  });

  it("sets no organization claim when the login is not organization-scoped", async () => {
    healthyBackend();
    await onExecutePostLogin(loginEvent(), api);
    const names = api.accessToken.setCustomClaim.mock.calls.map(([name]) => name);
    expect(names).toEqual(["https://alphaswarm.internal/roles"]);
  });

  it("adds the trailing slash a namespace written without one is missing", async () => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ secrets: backendSecrets({ CLAIMS_NAMESPACE: "https://alphaswarm.internal" }), organization: { id: "org_1", name: "one" } }), api);
    expect(api.idToken.setCustomClaim).toHaveBeenCalledWith("https://alphaswarm.internal/org_id", "org_1");
  });

  it("denies the login when the namespace is not configured and the policy is fail-closed", async () => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ secrets: backendSecrets({ CLAIMS_NAMESPACE: undefined }) }), api);
    expect(api.idToken.setCustomClaim).not.toHaveBeenCalled();
    expect(api.access.deny).toHaveBeenCalledTimes(1);
  });
});

describe("post-login just-in-time sync", () => {
  it("posts the user to /_internal/auth0/sync with a client-credentials token for the API", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(loginEvent({ organization: { id: "org_acme", name: "acme" } }), api);
    expect(calls.map((c) => c.url)).toEqual([`https://${TENANT}/oauth/token`, `${BACKEND}/_internal/auth0/sync`]);
    expect(calls[0]!.body).toEqual({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: "callback-client-secret", audience: AUDIENCE });
    expect(calls[1]!.headers.authorization).toBe("Bearer m2m-token-1");
    expect(calls[1]!.body).toEqual({
      user_id: "auth0|64f0c0ffee",
      email: "ada@example.com",
      email_verified: true,
      name: "Ada Lovelace",
      picture: "https://cdn.example.com/ada.png",
      connection: { id: "con_db", name: "Username-Password-Authentication", strategy: "auth0" },
      organization: { id: "org_acme", name: "acme" },
    });
  });

  it("reuses the cached token on the next execution instead of asking the token endpoint again", async () => {
    const { calls } = healthyBackend();
    const cache = new FakeCache();
    await onExecutePostLogin(loginEvent(), fakeApi(cache));
    await onExecutePostLogin(loginEvent(), fakeApi(cache));
    expect(calls.filter((c) => c.url.endsWith("/oauth/token"))).toHaveLength(1);
    expect(calls.filter((c) => c.url.endsWith("/sync")).map((c) => c.headers.authorization)).toEqual(["Bearer m2m-token-1", "Bearer m2m-token-1"]);
  });

  it("caches the token until a minute before it expires, then fetches a new one", async () => {
    vi.useFakeTimers({ now: new Date("2025-06-01T12:00:00Z") });
    const { calls } = healthyBackend();
    const cache = new FakeCache();
    await onExecutePostLogin(loginEvent(), fakeApi(cache));
    expect(cache.set).toHaveBeenCalledWith(expect.stringMatching(/^m2m-token:[\w-]{43}$/), "m2m-token-1", { expires_at: Date.now() + 3_540_000 });

    vi.setSystemTime(new Date("2025-06-01T12:58:59Z"));
    await onExecutePostLogin(loginEvent(), fakeApi(cache));
    vi.setSystemTime(new Date("2025-06-01T12:59:01Z"));
    await onExecutePostLogin(loginEvent(), fakeApi(cache));
    expect(calls.filter((c) => c.url.endsWith("/sync")).map((c) => c.headers.authorization)).toEqual([
      "Bearer m2m-token-1",
      "Bearer m2m-token-1",
      "Bearer m2m-token-2",
    ]);
  });

  it("refreshes a token whose cache record is past its expires_at even if the cache still returns it", async () => {
    vi.useFakeTimers({ now: new Date("2025-06-01T12:00:00Z") });
    const { calls } = healthyBackend();
    const stale = fakeApi();
    stale.cache.get.mockReturnValue({ value: "stale-token", expires_at: Date.now() - 1 });
    await onExecutePostLogin(loginEvent(), stale);
    expect(calls.at(-1)!.headers.authorization).toBe("Bearer m2m-token-1");
  });

  it("skips the sync on a refresh-token exchange but still sets the claims", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(loginEvent({ transaction: { protocol: "oauth2-refresh-token" }, organization: { id: "org_1", name: "one" } }), api);
    expect(calls).toEqual([]);
    expect(api.accessToken.setCustomClaim).toHaveBeenCalledWith("https://alphaswarm.internal/org_id", "org_1");
  });
});

describe("post-login failure policy", () => {
  const hanging = () =>
    fakeFetch({
      [`https://${TENANT}/oauth/token`]: () => json({ access_token: "t", expires_in: 3600 }),
      [`${BACKEND}/_internal/auth0/sync`]: () => "hang",
    });
  const failing = () =>
    fakeFetch({
      [`https://${TENANT}/oauth/token`]: () => json({ access_token: "t", expires_in: 3600 }),
      [`${BACKEND}/_internal/auth0/sync`]: () => json({ detail: "database unavailable" }, 503),
    });

  async function runWithTimeout(failClosed: string): Promise<void> {
    vi.useFakeTimers();
    hanging();
    const run = onExecutePostLogin(loginEvent({ secrets: backendSecrets({ FAIL_CLOSED: failClosed, BACKEND_TIMEOUT_MS: "2500" }) }), api);
    await vi.advanceTimersByTimeAsync(2499);
    expect(api.access.deny).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await run;
  }

  it("denies the login when the backend does not answer within the timeout and the policy is fail-closed", async () => {
    await runWithTimeout("true");
    expect(api.access.deny).toHaveBeenCalledWith("Sign-in is temporarily unavailable; please try again in a moment.");
    expect(console.log).toHaveBeenCalledWith("alphaswarm-post-login: /_internal/auth0/sync timed out after 2500 ms (denying the login)");
  });

  it("lets the login continue after a backend timeout when the policy is fail-open", async () => {
    await runWithTimeout("false");
    expect(api.access.deny).not.toHaveBeenCalled();
    expect(console.log).toHaveBeenCalledWith("alphaswarm-post-login: /_internal/auth0/sync timed out after 2500 ms (login continues)");
  });

  it("times out after 5 seconds when no timeout is configured", async () => {
    vi.useFakeTimers();
    hanging();
    const run = onExecutePostLogin(loginEvent(), api);
    await vi.advanceTimersByTimeAsync(4999);
    expect(api.access.deny).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await run;
    expect(api.access.deny).toHaveBeenCalledTimes(1);
  });

  it("denies the login on a backend 5xx when the policy is fail-closed", async () => {
    failing();
    await onExecutePostLogin(loginEvent(), api);
    expect(api.access.deny).toHaveBeenCalledTimes(1);
    expect(console.log).toHaveBeenCalledWith("alphaswarm-post-login: /_internal/auth0/sync answered 503 (denying the login)");
  });

  it("lets the login continue on a backend 5xx when the policy is fail-open, keeping the claims", async () => {
    failing();
    await onExecutePostLogin(loginEvent({ secrets: backendSecrets({ FAIL_CLOSED: "false" }), organization: { id: "org_1", name: "one" } }), api);
    expect(api.access.deny).not.toHaveBeenCalled();
    expect(api.accessToken.setCustomClaim).toHaveBeenCalledWith("https://alphaswarm.internal/org_id", "org_1");
  });

  it("treats a missing FAIL_CLOSED as fail-closed", async () => {
    failing();
    await onExecutePostLogin(loginEvent({ secrets: backendSecrets({ FAIL_CLOSED: undefined }) }), api);
    expect(api.access.deny).toHaveBeenCalledTimes(1);
  });

  it("denies the login when the token endpoint refuses the callback application, without caching anything", async () => {
    fakeFetch({ [`https://${TENANT}/oauth/token`]: () => json({ error: "access_denied" }, 401) });
    await onExecutePostLogin(loginEvent(), api);
    expect(api.access.deny).toHaveBeenCalledTimes(1);
    expect(api.cache.set).not.toHaveBeenCalled();
    expect(console.log).toHaveBeenCalledWith("alphaswarm-post-login: the token endpoint answered 401 (denying the login)");
  });

  it("never writes the client secret or the token to the log", async () => {
    failing();
    await onExecutePostLogin(loginEvent(), api);
    const logged = JSON.stringify(vi.mocked(console.log).mock.calls);
    expect(logged).not.toContain("callback-client-secret");
    expect(logged).not.toContain("Bearer");
  });
});

describe("post-login step-up", () => {
  it("requires MFA without remembering the browser when the application asks for the multi-factor policy", async () => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ transaction: { protocol: "oidc-basic-profile", acr_values: [MFA] } }), api);
    expect(api.multifactor.enable).toHaveBeenCalledWith("any", { allowRememberBrowser: false });
  });

  it("does not ask for MFA when acr_values do not request it", async () => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ transaction: { protocol: "oidc-basic-profile", acr_values: ["urn:example:loa:1"] } }), api);
    await onExecutePostLogin(loginEvent({ transaction: { protocol: "oidc-basic-profile" } }), api);
    expect(api.multifactor.enable).not.toHaveBeenCalled();
  });
});

describe("post-login MFA per audience (ORGANIZATION_MFA)", () => {
  const ORG = { id: "org_acme", name: "acme" };
  const withSetting = (value: string | undefined, overrides: Record<string, unknown> = {}) =>
    loginEvent({ secrets: { ...backendSecrets(), ...(value !== undefined && { ORGANIZATION_MFA: value }) }, ...overrides });

  it("requires the authenticator-app code (OTP) on every organization login under otp, never remembering the browser", async () => {
    healthyBackend();
    await onExecutePostLogin(withSetting("otp", { organization: ORG }), api);
    expect(api.multifactor.enable).toHaveBeenCalledTimes(1);
    expect(api.multifactor.enable).toHaveBeenCalledWith("google-authenticator", { allowRememberBrowser: false });
  });

  it("leaves consumer logins (no organization) to the tenant's policy and its factors, SMS included", async () => {
    healthyBackend();
    await onExecutePostLogin(withSetting("otp"), api);
    expect(api.multifactor.enable).not.toHaveBeenCalled();
  });

  it("requires OTP, not any factor, when an organization login also asks for step-up", async () => {
    healthyBackend();
    await onExecutePostLogin(withSetting("otp", { organization: ORG, transaction: { protocol: "oidc-basic-profile", acr_values: [MFA] } }), api);
    expect(api.multifactor.enable.mock.calls).toEqual([["google-authenticator", { allowRememberBrowser: false }]]);
  });

  it("takes any enrolled factor under any", async () => {
    healthyBackend();
    await onExecutePostLogin(withSetting("any", { organization: ORG }), api);
    expect(api.multifactor.enable).toHaveBeenCalledWith("any", { allowRememberBrowser: false });
  });

  it.each([undefined, "off"])("requires nothing of organization logins when the setting is %s", async (value) => {
    healthyBackend();
    await onExecutePostLogin(withSetting(value, { organization: ORG }), api);
    expect(api.multifactor.enable).not.toHaveBeenCalled();
  });

  it("reads an unknown setting as otp, the strict choice", async () => {
    healthyBackend();
    await onExecutePostLogin(withSetting("sms", { organization: ORG }), api);
    expect(api.multifactor.enable).toHaveBeenCalledWith("google-authenticator", { allowRememberBrowser: false });
  });

  it("does not require OTP of a token exchange, where the user already signed in", async () => {
    healthyBackend();
    await onExecutePostLogin(withSetting("otp", { organization: ORG, transaction: { protocol: "oauth2-token-exchange", acr_values: [] } }), api);
    expect(api.multifactor.enable).not.toHaveBeenCalled();
  });

  it("never challenges a refresh-token exchange, which is not a login", async () => {
    await onExecutePostLogin(withSetting("otp", { organization: ORG, transaction: { protocol: "oauth2-refresh-token", acr_values: [MFA] } }), api);
    expect(api.multifactor.enable).not.toHaveBeenCalled();
  });
});

describe("post-login organization-only connections (requireOrganization)", () => {
  const ORG = { id: "org_acme", name: "acme" };
  const OKTA = { id: "con_okta", name: "acme-okta", strategy: "okta", metadata: { organization_required: "true" } };
  const DENIAL = "Sign in through your organization's login: this connection is for organization members only.";

  it("denies a login through an organization-only connection without an organization, before any claim, challenge or sync", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(loginEvent({ connection: OKTA, secrets: { ...backendSecrets(), ORGANIZATION_MFA: "otp" } }), api);
    expect(api.access.deny.mock.calls).toEqual([[DENIAL]]);
    expect(api.accessToken.setCustomClaim).not.toHaveBeenCalled();
    expect(api.multifactor.enable).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
    expect(logLines()).toEqual(["alphaswarm-post-login: denied a login through an organization-only connection without an organization"]);
  });

  it("lets the same connection's organization login through", async () => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ connection: OKTA, organization: ORG }), api);
    expect(api.access.deny).not.toHaveBeenCalled();
    expect(api.accessToken.setCustomClaim).toHaveBeenCalledWith("https://alphaswarm.internal/org_id", "org_acme");
  });

  it.each([
    ["a connection without the metadata", { ...OKTA, metadata: {} }],
    ["a connection whose metadata says anything but \"true\"", { ...OKTA, metadata: { organization_required: "yes" } }],
    ["a malformed metadata field", { ...OKTA, metadata: "organization_required" }],
  ])("does not require an organization of %s", async (_, connection) => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ connection }), api);
    expect(api.access.deny).not.toHaveBeenCalled();
  });

  it.each(["oauth2-refresh-token", "oauth2-token-exchange"])("does not check a %s transaction, which continues a session that was checked", async (protocol) => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ connection: OKTA, transaction: { protocol, acr_values: [] } }), api);
    expect(api.access.deny).not.toHaveBeenCalled();
  });
});

describe("post-login under Auth0's cache limits", () => {
  it.each(["https://api.alpha-swarm.ai/", "https://api.stage.alpha-swarm.ai/", "https://api.dev.alpha-swarm.ai/"])(
    "caches the M2M token for a 32-character client ID and the audience %s, so the next login reuses it",
    async (audience) => {
      const cache = new FakeCache();
      const event = loginEvent({ secrets: backendSecrets({ API_AUDIENCE: audience, AUTH0_DOMAIN: "alphaswarm-stage.eu.auth0.com" }) });
      const { calls } = fakeFetch({ "https://alphaswarm-stage.eu.auth0.com/oauth/token": () => json({ access_token: "t", expires_in: 3600 }), [`${BACKEND}/`]: () => json({}) });
      await onExecutePostLogin(event, fakeApi(cache));
      await onExecutePostLogin(event, fakeApi(cache));
      expect(cache.set.mock.results.map((r) => r.value)).toEqual([{ type: "success" }]);
      expect([...cache.entries.keys()].map((key) => Buffer.byteLength(key))).toEqual([53]);
      expect(calls.filter((c) => c.url.endsWith("/oauth/token"))).toHaveLength(1);
    },
  );

  it("logs a cache write Auth0 refuses and completes the login with the token it got", async () => {
    const { calls } = healthyBackend();
    const full = new FakeCache();
    for (let i = 0; i < 20; i++) full.set(`other-${i}`, "x");
    await onExecutePostLogin(loginEvent(), fakeApi(full));
    expect(logLines()).toEqual(["alphaswarm-post-login: the backend token is not cached: the cache refused it (TOO_MANY_ENTRIES)"]);
    expect(calls.at(-1)!.headers.authorization).toBe("Bearer m2m-token-1");
  });

  it("does not offer the cache a token over Auth0's 4 KB value limit, and says so", async () => {
    const big = "x".repeat(5000);
    fakeFetch({ [`https://${TENANT}/oauth/token`]: () => json({ access_token: big, expires_in: 3600 }), [`${BACKEND}/`]: () => json({}) });
    await onExecutePostLogin(loginEvent(), api);
    expect(api.cache.set).not.toHaveBeenCalled();
    expect(logLines()).toEqual(["alphaswarm-post-login: the backend token is not cached: 5000 bytes is over Auth0's 4096-byte value limit"]);
    expect(api.access.deny).not.toHaveBeenCalled();
  });

  it("caches a token that lives longer than a day for Auth0's 24 hours at most", async () => {
    virtualClock();
    healthyBackend({ [`https://${TENANT}/oauth/token`]: () => json({ access_token: "t2d", expires_in: 172_800 }) });
    await onExecutePostLogin(loginEvent(), api);
    expect(api.cache.set.mock.results[0]!.value).toEqual({ type: "success" });
    expect(api.cache.set.mock.calls[0]![2]).toEqual({ expires_at: Date.now() + 24 * 3_600_000 });
  });
});

describe("post-login deadlines", () => {
  it("times out a token response whose body stalls after the headers, and applies the failure policy", async () => {
    const clock = virtualClock();
    fakeFetch({ [`https://${TENANT}/oauth/token`]: () => "hang-body" });
    const took = await clock.settle(onExecutePostLogin(loginEvent(), api));
    expect(took).toBe(5000);
    expect(api.access.deny).toHaveBeenCalledWith("Sign-in is temporarily unavailable; please try again in a moment.");
    expect(logLines()).toEqual(["alphaswarm-post-login: /oauth/token timed out after 5000 ms (denying the login)"]);
  });

  it("keeps the whole Action within its 7 s budget whatever BACKEND_TIMEOUT_MS says", async () => {
    const clock = virtualClock();
    fakeFetch({ [`https://${TENANT}/oauth/token`]: () => json({ access_token: "t", expires_in: 3600 }), [`${BACKEND}/`]: () => "hang" });
    const took = await clock.settle(onExecutePostLogin(loginEvent({ secrets: backendSecrets({ BACKEND_TIMEOUT_MS: "60000" }) }), api));
    expect(took).toBe(7000);
    expect(logLines()).toEqual(["alphaswarm-post-login: /_internal/auth0/sync timed out after 7000 ms (denying the login)"]);
  });

  it("never logs the URL that fetch puts in its own error message", async () => {
    fakeFetch({});
    await onExecutePostLogin(loginEvent(), api);
    expect(logLines()).toEqual(["alphaswarm-post-login: /oauth/token failed (TypeError) (denying the login)"]);
  });
});

describe("post-login with malformed event fields", () => {
  it.each([
    ["a number", 42],
    ["an object", { value: MFA }],
    ["a list of non-strings", [null, 7, { MFA }]],
  ])("treats acr_values that are %s as asking for nothing", async (_label, acrValues) => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ transaction: { protocol: "oidc-basic-profile", acr_values: acrValues } }), api);
    expect(api.multifactor.enable).not.toHaveBeenCalled();
    expect(api.access.deny).not.toHaveBeenCalled();
  });

  it("reads acr_values sent as a space-separated string, the OIDC wire format", async () => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ transaction: { protocol: "oidc-basic-profile", acr_values: `urn:example:loa:1 ${MFA}` } }), api);
    expect(api.multifactor.enable).toHaveBeenCalledWith("any", { allowRememberBrowser: false });
  });

  it("keeps only string roles, and no organization claims for an organization without a string id", async () => {
    healthyBackend();
    await onExecutePostLogin(loginEvent({ authorization: { roles: ["trader", null, 3, "analyst", "trader"] }, organization: { id: 7, name: "acme" } }), api);
    expect(api.accessToken.setCustomClaim.mock.calls).toEqual([["https://alphaswarm.internal/roles", ["analyst", "trader"]]]);
  });

  it.each([
    ["no user", { user: null }],
    ["a user without a user_id", { user: { email: "ada@example.com" } }],
  ])("applies the failure policy to an event with %s, without calling the backend", async (_label, overrides) => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(loginEvent(overrides), api);
    expect(calls).toEqual([]);
    expect(logLines()).toEqual(["alphaswarm-post-login: the event has no user.user_id; nothing to sync (denying the login)"]);
    expect(api.access.deny).toHaveBeenCalledTimes(1);
  });

  it("sends null for profile fields of the wrong type", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(loginEvent({ user: { user_id: "auth0|1", email: ["a@b.c"], name: { first: "Ada" }, email_verified: "yes" }, connection: "db" }), api);
    expect(calls.at(-1)!.body).toEqual({
      user_id: "auth0|1",
      email: null,
      email_verified: false,
      name: null,
      picture: null,
      connection: { id: null, name: null, strategy: null },
      organization: null,
    });
  });
});
