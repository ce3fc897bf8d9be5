import { beforeEach, describe, expect, it, vi } from "vitest";
import { BACKEND, backendSecrets, type FakeApi, fakeApi, FakeCache, fakeFetch, healthyBackend, json, loadAction, logLines, TENANT, isolateEachTest, virtualClock } from "./fakes";

type GroupSync = { onExecutePostLogin(event: unknown, api: unknown): Promise<void> };
const { onExecutePostLogin } = loadAction<GroupSync>("idp-group-sync.js");

function enterpriseLogin(strategy: string, user: Record<string, unknown>, connectionName = `acme-${strategy}`) {
  return {
    secrets: backendSecrets(),
    user: { user_id: `${strategy}|acme|ada`, email: "ada@acme.example", identities: [{ connection: connectionName, provider: strategy, user_id: "ada" }], ...user },
    connection: { id: `con_${strategy}`, name: connectionName, strategy },
    organization: { id: "org_acme", name: "acme" },
    client: { client_id: "spa-client-id", name: "alphaswarm-spa" },
    transaction: { protocol: "oidc-basic-profile", acr_values: [] },
  };
}

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
});
isolateEachTest();

const syncBodies = (calls: { url: string; body: unknown }[]) => calls.filter((c) => c.url === `${BACKEND}/_internal/idp/sync-groups`).map((c) => c.body);

describe("IdP group sync per identity provider", () => {
  it.each([
    ["waad (Entra ID) groups on the profile", "waad", { groups: ["Traders", "Quant-Research", "Traders"] }, ["Quant-Research", "Traders"]],
    ["okta groups on the profile", "okta", { groups: ["alphaswarm-admins", "Everyone"] }, ["Everyone", "alphaswarm-admins"]],
    ["Google Workspace groups on the profile", "google-apps", { groups: ["risk@acme.example", "eng@acme.example"] }, ["eng@acme.example", "risk@acme.example"]],
    ["a single SAML group attribute", "samlp", { "http://schemas.xmlsoap.org/claims/Group": "Desk-A" }, ["Desk-A"]],
    ["an Entra SAML groups claim", "samlp", { "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups": ["0f3c…-guid", "7a1d…-guid"] }, ["0f3c…-guid", "7a1d…-guid"]],
    ["an empty group list (the user left every group)", "oidc", { groups: [] }, []],
  ])("posts %s", async (_label, strategy, profile, groups) => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(enterpriseLogin(strategy, profile), api);
    expect(syncBodies(calls)).toEqual([
      {
        user_id: `${strategy}|acme|ada`,
        connection: { id: `con_${strategy}`, name: `acme-${strategy}`, strategy },
        organization_id: "org_acme",
        groups,
      },
    ]);
    expect(calls.find((c) => c.url.endsWith("/sync-groups"))!.headers.authorization).toBe("Bearer m2m-token-1");
    expect(api.access.deny).not.toHaveBeenCalled();
  });

  it("reads groups from this connection's identity profile when the profile root has none", async () => {
    const { calls } = healthyBackend();
    const event = enterpriseLogin("okta", {});
    event.user.identities = [
      { connection: "other", provider: "okta", user_id: "x", profileData: { groups: ["Wrong"] } } as never,
      { connection: "acme-okta", provider: "okta", user_id: "ada", profileData: { groups: ["Right"] } } as never,
    ];
    await onExecutePostLogin(event, api);
    expect((syncBodies(calls)[0] as { groups: string[] }).groups).toEqual(["Right"]);
  });

  it("does nothing for a database login", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin({ ...enterpriseLogin("auth0", { groups: ["ignored"] }), connection: { id: "con_db", name: "Username-Password-Authentication", strategy: "auth0" } }, api);
    expect(calls).toEqual([]);
    expect(api.access.deny).not.toHaveBeenCalled();
  });

  it("does nothing for a social login", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(enterpriseLogin("google-oauth2", { groups: ["ignored"] }), api);
    expect(calls).toEqual([]);
  });

  it("does not sync an enterprise login whose IdP sends no group claim", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(enterpriseLogin("waad", {}), api);
    expect(calls).toEqual([]);
    expect(console.log).toHaveBeenCalledWith("alphaswarm-idp-group-sync: no group claim from waad connection acme-waad; nothing to sync");
  });

  it("sends null as the organization for a login outside any organization", async () => {
    const { calls } = healthyBackend();
    const { organization: _, ...event } = enterpriseLogin("okta", { groups: ["A"] });
    await onExecutePostLogin(event, api);
    expect((syncBodies(calls)[0] as { organization_id: unknown }).organization_id).toBeNull();
  });
});

describe("IdP group sync token and failures", () => {
  it("reuses the cached M2M token across logins", async () => {
    const { calls } = healthyBackend();
    const cache = new FakeCache();
    await onExecutePostLogin(enterpriseLogin("okta", { groups: ["A"] }), fakeApi(cache));
    await onExecutePostLogin(enterpriseLogin("okta", { groups: ["B"] }), fakeApi(cache));
    expect(calls.filter((c) => c.url === `https://${TENANT}/oauth/token`)).toHaveLength(1);
  });

  it.each([
    ["true", 1],
    ["false", 0],
  ])("on a backend 5xx with FAIL_CLOSED=%s denies the login %i time(s)", async (failClosed, denials) => {
    fakeFetch({
      [`https://${TENANT}/oauth/token`]: () => json({ access_token: "t", expires_in: 3600 }),
      [`${BACKEND}/_internal/idp/sync-groups`]: () => json({}, 502),
    });
    await onExecutePostLogin({ ...enterpriseLogin("waad", { groups: ["A"] }), secrets: backendSecrets({ FAIL_CLOSED: failClosed }) }, api);
    expect(api.access.deny).toHaveBeenCalledTimes(denials);
  });

  it.each([
    ["true", 1],
    ["false", 0],
  ])("on a backend timeout with FAIL_CLOSED=%s denies the login %i time(s)", async (failClosed, denials) => {
    vi.useFakeTimers();
    fakeFetch({
      [`https://${TENANT}/oauth/token`]: () => json({ access_token: "t", expires_in: 3600 }),
      [`${BACKEND}/_internal/idp/sync-groups`]: () => "hang",
    });
    const run = onExecutePostLogin({ ...enterpriseLogin("waad", { groups: ["A"] }), secrets: backendSecrets({ FAIL_CLOSED: failClosed, BACKEND_TIMEOUT_MS: "1000" }) }, api);
    await vi.advanceTimersByTimeAsync(1000);
    await run;
    expect(api.access.deny).toHaveBeenCalledTimes(denials);
    expect(console.log).toHaveBeenCalledWith(expect.stringContaining("/_internal/idp/sync-groups timed out after 1000 ms"));
  });
});

describe("IdP group sync: which logins, which groups", () => {
  it("splits the comma-separated string Auth0 stores for Okta's mapped groups", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(enterpriseLogin("okta", { groups: "alphaswarm-admins,Everyone, Traders" }), api);
    expect((syncBodies(calls)[0] as { groups: string[] }).groups).toEqual(["Everyone", "Traders", "alphaswarm-admins"]);
  });

  it("keeps a SAML group whose name has commas in it (an LDAP DN) whole", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(enterpriseLogin("samlp", { "http://schemas.xmlsoap.org/claims/Group": "CN=Traders,OU=Groups,DC=acme" }), api);
    expect((syncBodies(calls)[0] as { groups: string[] }).groups).toEqual(["CN=Traders,OU=Groups,DC=acme"]);
  });

  it.each(["oauth2-refresh-token", "oauth2-token-exchange"])("does not sync on %s, which does not pass through the IdP", async (protocol) => {
    const { calls } = healthyBackend();
    await onExecutePostLogin({ ...enterpriseLogin("waad", { groups: ["Traders"] }), transaction: { protocol } }, api);
    expect(calls).toEqual([]);
    expect(api.access.deny).not.toHaveBeenCalled();
  });

  it("syncs nothing, and says so, when the group claim holds an entry that is not a group name", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(enterpriseLogin("waad", { groups: ["Traders", { displayName: "no name or id" }] }), api);
    expect(calls).toEqual([]);
    expect(logLines()).toEqual(["alphaswarm-idp-group-sync: the group claim from waad connection acme-waad holds an entry that is not a group name; nothing synced"]);
    expect(api.access.deny).not.toHaveBeenCalled();
  });
});

describe("IdP group sync with malformed event fields", () => {
  it.each([
    ["an object", { connection: "acme-okta" }],
    ["a string", "acme-okta"],
    ["a list holding null", [null]],
    ["a list holding a number", [42]],
  ])("reads the profile root when user.identities is %s", async (_label, identities) => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(enterpriseLogin("okta", { groups: ["A"], identities }), api);
    expect((syncBodies(calls)[0] as { groups: string[] }).groups).toEqual(["A"]);
  });

  it("skips null identities to find this connection's own", async () => {
    const { calls } = healthyBackend();
    const identities = [null, { connection: "acme-okta", profileData: { groups: ["Right"] } }];
    await onExecutePostLogin(enterpriseLogin("okta", { identities }), api);
    expect((syncBodies(calls)[0] as { groups: string[] }).groups).toEqual(["Right"]);
  });

  it("applies the failure policy to a user without a user_id, without calling the backend", async () => {
    const { calls } = healthyBackend();
    await onExecutePostLogin(enterpriseLogin("okta", { groups: ["A"], user_id: 17 }), api);
    expect(calls).toEqual([]);
    expect(logLines()).toEqual(["alphaswarm-idp-group-sync: the event has no user.user_id; nothing to sync (denying the login)"]);
    expect(api.access.deny).toHaveBeenCalledTimes(1);
  });

  it.each([null, "waad", ["waad"]])("does nothing when the connection is %j", async (connection) => {
    const { calls } = healthyBackend();
    await onExecutePostLogin({ ...enterpriseLogin("waad", { groups: ["A"] }), connection }, api);
    expect(calls).toEqual([]);
  });
});

describe("IdP group sync deadlines", () => {
  it("times out a token response whose body stalls after the headers", async () => {
    const clock = virtualClock();
    fakeFetch({ [`https://${TENANT}/oauth/token`]: () => "hang-body" });
    const took = await clock.settle(onExecutePostLogin(enterpriseLogin("waad", { groups: ["A"] }), api));
    expect(took).toBe(5000);
    expect(logLines()).toEqual(["alphaswarm-idp-group-sync: /oauth/token timed out after 5000 ms (denying the login)"]);
  });
});
