import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { after, AUTH0_LIMITS, BACKEND, backendSecrets, fakeApi, FakeCache, fakeFetch, json, loadAction, logLines, TENANT, isolateEachTest, virtualClock } from "./fakes";

type PostLoginAction = { onExecutePostLogin(event: unknown, api: unknown): Promise<void> };
type PreRegistration = { onExecutePreUserRegistration(event: unknown, api: unknown): Promise<void> };
const postLogin = loadAction<PostLoginAction>("post-login.js");
const groupSync = loadAction<PostLoginAction>("idp-group-sync.js");
const preRegistration = loadAction<PreRegistration>("pre-user-registration.js");

isolateEachTest();

/** An Okta login of an organization member: both post-login Actions call the backend. */
function oktaLogin(secrets = backendSecrets({ FAIL_CLOSED: "false" })) {
  return {
    secrets,
    user: { user_id: "okta|acme|ada", email: "ada@acme.example", groups: "Traders,Everyone", identities: [{ connection: "acme-okta", provider: "okta", user_id: "ada" }] },
    connection: { id: "con_okta", name: "acme-okta", strategy: "okta" },
    organization: { id: "org_acme", name: "acme" },
    transaction: { protocol: "oidc-basic-profile", acr_values: [] },
  };
}

/** The login flow as Auth0 runs it: the trigger's Actions in order, sharing the trigger's cache. */
async function loginFlow(event: unknown, cache: FakeCache) {
  await postLogin.onExecutePostLogin(event, fakeApi(cache));
  await groupSync.onExecutePostLogin(event, fakeApi(cache));
}

describe("login and sign-up flows under Auth0's limits", () => {
  it("asks the token endpoint once for both Actions of an enterprise login: they share the trigger's cache", async () => {
    let issued = 0;
    const { calls } = fakeFetch({
      [`https://${TENANT}/oauth/token`]: () => json({ access_token: `m2m-token-${++issued}`, expires_in: 86_400 }),
      [`${BACKEND}/_internal/`]: () => json({ ok: true }),
    });
    await loginFlow(oktaLogin(), new FakeCache());
    expect(calls.map((c) => c.url)).toEqual([`https://${TENANT}/oauth/token`, `${BACKEND}/_internal/auth0/sync`, `${BACKEND}/_internal/idp/sync-groups`]);
    expect(calls.slice(1).map((c) => c.headers.authorization)).toEqual(["Bearer m2m-token-1", "Bearer m2m-token-1"]);
  });

  it("ends an enterprise login whose four requests each run to a long timeout within 14 s, inside Auth0's 20 s", async () => {
    const clock = virtualClock();
    const slow = () => after(9_900, () => json({ access_token: "t", expires_in: 3600 }));
    fakeFetch({ [`https://${TENANT}/oauth/token`]: slow, [`${BACKEND}/_internal/`]: slow });
    const took = await clock.settle(loginFlow(oktaLogin(backendSecrets({ FAIL_CLOSED: "false", BACKEND_TIMEOUT_MS: "10000" })), new FakeCache()));
    expect(took).toBe(14_000);
    expect(took).toBeLessThan(AUTH0_LIMITS.flowMs);
    expect(logLines()).toEqual([
      "alphaswarm-post-login: /oauth/token timed out after 7000 ms (login continues)",
      "alphaswarm-idp-group-sync: /oauth/token timed out after 7000 ms (login continues)",
    ]);
  });

  it("ends a sign-up whose two requests each run to a long timeout within 7 s", async () => {
    const clock = virtualClock();
    const slow = () => after(9_900, () => json({ access_token: "t", expires_in: 3600 }));
    fakeFetch({ [`https://${TENANT}/oauth/token`]: slow, [`${BACKEND}/_internal/`]: slow });
    const event = { secrets: backendSecrets({ INVITE_CHECK: "all", BACKEND_TIMEOUT_MS: "10000" }), user: { email: "ada@acme.example" }, client: {}, connection: {} };
    expect(await clock.settle(preRegistration.onExecutePreUserRegistration(event, fakeApi()))).toBe(7_000);
  });
});

describe("cache keys for any secrets", () => {
  const secret = fc.string({ unit: "grapheme", minLength: 1, maxLength: 300 });

  it("every key the backend callers write fits Auth0's 64 bytes, and the write succeeds", async () => {
    await fc.assert(
      fc.asyncProperty(secret, secret, secret, async (domain, clientId, audience) => {
        const cache = new FakeCache();
        fakeFetch({ "": () => json({ access_token: "t", expires_in: 3600 }) });
        await loginFlow(oktaLogin(backendSecrets({ AUTH0_DOMAIN: domain, CLIENT_ID: clientId, API_AUDIENCE: audience })), cache);
        expect(cache.set.mock.calls.map(([key]) => Buffer.byteLength(key))).toEqual([53]);
        expect(cache.set.mock.results.map((r) => r.value)).toEqual([{ type: "success" }]);
      }),
      { numRuns: 100 },
    );
  });
});
