import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlannedResource } from "../../plan/mockRuntime";
import { type MockHarness, setupMocks, TYPES } from "../mocks";
import { loadSpec } from "../../config/load";
import { asStackConfig, tenantConfig } from "./fixtures";

/** The spec of a config whose `{ secret: exchangeHint }` is set as a secret. */
function specOf(config: Record<string, unknown>) {
  return loadSpec({ values: { ...asStackConfig(config), "auth0kit:exchangeHint": "[secret]" }, secretKeys: new Set(["auth0kit:exchangeHint"]) });
}

const ACTIONS_DIR = path.resolve(__dirname, "../../actions");

/** The fixture tenant plus Actions: two post-login Actions written out of order, one pre-registration, one token exchange. */
function withActions(actions: Record<string, unknown>): Record<string, unknown> {
  return {
    ...tenantConfig(),
    "auth0kit:applications": {
      ...(tenantConfig()["auth0kit:applications"] as object),
      broker: { type: "m2m", grantTypes: ["client_credentials", "urn:ietf:params:oauth:grant-type:token-exchange"], tokenExchangeProfileTypes: ["custom_authentication"] },
    },
    // The exchange sets users of this connection (customTokenExchangeHasConnections).
    "auth0kit:connections": { users: { kind: "database", applications: ["web", "broker"] } },
    "auth0kit:actions": actions,
  };
}

const ALL = {
  "group-sync": { source: "actions/idp-group-sync.js", trigger: "post-login", order: 2, secrets: { CLIENT_SECRET: { clientSecret: "worker" }, BACKEND_URL: { value: "https://api.example.com" } } },
  login: {
    name: "example-post-login",
    source: "actions/post-login.js",
    trigger: "post-login",
    order: 1,
    dependencies: { zod: "3.23.8", "@scope/b": "1.0.0" },
    secrets: {
      CLIENT_ID: { clientId: "worker" },
      API_AUDIENCE: { apiIdentifier: "core" },
      AUTH0_DOMAIN: { domain: true },
      BACKEND_URL: { value: "https://api.example.com" },
    },
  },
  signup: { source: "actions/pre-user-registration.js", trigger: "pre-user-registration", order: 1 },
  exchange: {
    source: "actions/agent-delegation.js",
    trigger: "custom-token-exchange",
    secrets: { SIGNING_HINT: { secret: "exchangeHint" } },
    tokenExchangeProfile: { subjectTokenType: "urn:example:delegation" },
  },
};
const WITHOUT_GROUP_SYNC_AND_SIGNUP = { login: ALL.login, exchange: ALL.exchange };

let mocks: MockHarness;
let resources: PlannedResource[];
const named = (name: string) => {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name}; have ${resources.map((r) => r.name).join(", ")}`);
  return found;
};

beforeAll(async () => {
  mocks = await setupMocks();
  const { Auth0Tenant } = await import("../../components/auth0Tenant");
  const { TenantActions } = await import("../../components/actions");
  const secrets = { exchangeHint: pulumi.secret("hint-value") };
  new Auth0Tenant("full", { spec: specOf(withActions(ALL)), secrets });
  new Auth0Tenant("reduced", { spec: specOf(withActions(WITHOUT_GROUP_SYNC_AND_SIGNUP)), secrets });
  // Plain values only, so that the order of the secrets list is visible.
  const spec = specOf(withActions(ALL));
  new TenantActions("plain", { actions: { login: spec.actions.login! }, secrets: { login: { ZETA: "z", ALPHA: "a", MID: "m" } } });
  resources = await mocks.resources();
});

describe("Actions", () => {
  it.each([
    ["login", "post-login.js"],
    ["group-sync", "idp-group-sync.js"],
    ["signup", "pre-user-registration.js"],
    ["exchange", "agent-delegation.js"],
  ])("deploys %s with code equal to actions/%s", (key, file) => {
    expect(named(`full-actions-action-${key}`).inputs.code).toBe(fs.readFileSync(path.join(ACTIONS_DIR, file), "utf8"));
  });

  it("deploys on node22 with the trigger's version and the sorted npm dependencies", () => {
    expect(named("full-actions-action-login").inputs).toMatchObject({
      name: "example-post-login",
      runtime: "node22",
      deploy: true,
      supportedTriggers: { id: "post-login", version: "v3" },
      dependencies: [
        { name: "@scope/b", version: "1.0.0" },
        { name: "zod", version: "3.23.8" },
      ],
    });
    expect(named("full-actions-action-signup").inputs.supportedTriggers).toEqual({ id: "pre-user-registration", version: "v2" });
    expect(named("full-actions-action-exchange").inputs.supportedTriggers).toEqual({ id: "custom-token-exchange", version: "v1" });
  });

  it("sorts secrets by name", () => {
    expect(named("plain-action-login").inputs.secrets).toEqual([
      { name: "ALPHA", value: "a" },
      { name: "MID", value: "m" },
      { name: "ZETA", value: "z" },
    ]);
  });

  it("wires tenant outputs into plain secrets and adds FAIL_CLOSED=false outside production", () => {
    expect(named("full-actions-action-login").inputs.secrets).toEqual([
      { name: "API_AUDIENCE", value: "https://api.example.com/" },
      { name: "AUTH0_DOMAIN", value: "example-dev.us.auth0.com" },
      { name: "BACKEND_URL", value: "https://api.example.com" },
      { name: "CLIENT_ID", value: "placeholder:full-app-worker-client:clientId" },
      { name: "FAIL_CLOSED", value: "false" },
    ]);
  });

  const secretValue = (action: string, secret: string) =>
    (named(action).inputs.secrets as { name: string; value: string }[]).find((entry) => entry.name === secret)?.value;

  it.each([
    ["an application's client secret", "full-actions-action-group-sync", "CLIENT_SECRET"],
    ["a secret config value", "full-actions-action-exchange", "SIGNING_HINT"],
  ])("keeps a secret value secret when it is %s, and the plain ones readable", (_label, action, secret) => {
    expect(secretValue(action, secret)).toBe("[secret]");
    expect(JSON.stringify(named(action).inputs.secrets)).not.toContain("hint-value");
  });

  it("leaves plain values of a list that holds a secret readable", () => {
    expect(secretValue("full-actions-action-group-sync", "BACKEND_URL")).toBe("https://api.example.com");
  });
});

describe("trigger bindings", () => {
  it("binds each trigger's Actions in one TriggerActions, in configured order rather than key order", () => {
    expect(named("full-actions-trigger-post-login").inputs).toEqual({
      trigger: "post-login",
      actions: [
        { id: "placeholder:full-actions-action-login:id", displayName: "example-post-login" },
        { id: "placeholder:full-actions-action-group-sync:id", displayName: "group-sync" },
      ],
    });
    expect(named("full-actions-trigger-pre-user-registration").inputs.actions).toEqual([
      { id: "placeholder:full-actions-action-signup:id", displayName: "signup" },
    ]);
  });

  it("depends on every Action it binds, so bindings follow deploys and precede deletes", () => {
    expect(named("full-actions-trigger-post-login").dependsOn).toEqual(["full-actions-action-group-sync", "full-actions-action-login"]);
  });

  it("never binds a custom-token-exchange Action to a trigger flow", async () => {
    const triggers = (await mocks.ofType(TYPES.triggerActions)).map((r) => r.inputs.trigger);
    expect(triggers).not.toContain("custom-token-exchange");
  });

  it("drops a removed Action from its trigger's list and declares no Action for it", () => {
    expect(named("reduced-actions-trigger-post-login").inputs.actions).toEqual([
      { id: "placeholder:reduced-actions-action-login:id", displayName: "example-post-login" },
    ]);
    expect(resources.map((r) => r.name)).not.toContain("reduced-actions-action-group-sync");
  });

  it("declares no TriggerActions for a trigger whose last Action was removed (Pulumi deletes it, which empties the binding list)", () => {
    expect(resources.map((r) => r.name)).not.toContain("reduced-actions-trigger-pre-user-registration");
  });
});

describe("token-exchange profile", () => {
  it("binds the profile to its Action as custom_authentication, named after the Action by default", () => {
    const profile = named("full-actions-profile-exchange");
    expect(profile.inputs).toEqual({
      name: "exchange",
      subjectTokenType: "urn:example:delegation",
      actionId: "placeholder:full-actions-action-exchange:id",
      type: "custom_authentication",
    });
    expect(profile.dependsOn).toEqual(["full-actions-action-exchange"]);
  });
});
