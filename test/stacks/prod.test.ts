import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlannedResource } from "../../plan/mockRuntime";
import { runPlan } from "../../plan/run";

const ROOT = path.resolve(__dirname, "../..");
const RUNBOOK_PERMISSIONS = [
  "read:portfolio", "write:portfolio", "read:strategy", "write:strategy", "deploy:strategy",
  "kill_switch:execute", "trade:execute", "trade:live", "read:mcp:data", "write:mcp:data",
  "read:mcp:codebase", "write:mcp:codebase", "run:agent", "admin:tenant", "admin:cluster",
  "manage:broker_credentials", "read:logs",
];
const MANAGEMENT_SCOPES = [
  "read:users", "update:users", "delete:sessions", "read:sessions", "read:logs", "read:connections",
  "create:guardian_enrollment_tickets", "delete:guardian_enrollments", "create:user_tickets",
];

let resources: PlannedResource[];
const named = (name: string) => {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name}`);
  return found;
};

beforeAll(async () => {
  resources = [...(await runPlan({ projectDir: ROOT, stack: "prod" })).resources];
});

describe("the prod stack reproduces the runbook's API and applications", () => {
  it("defines exactly the runbook's 17 permissions, with RBAC and permissions in the token", () => {
    const scopes = named("tenant-api-alphaswarm-api-scopes").inputs.scopes as { name: string }[];
    expect(scopes.map((s) => s.name)).toEqual([...RUNBOOK_PERMISSIONS].sort());
    expect(named("tenant-api-alphaswarm-api-server").inputs).toMatchObject({
      identifier: "https://api.alpha-swarm.ai/",
      signingAlg: "RS256",
      enforcePolicies: true,
      tokenDialect: "access_token_authz",
      tokenLifetime: 86400,
      tokenLifetimeForWeb: 7200,
      allowOfflineAccess: true,
      skipConsentForVerifiableFirstPartyClients: true,
    });
  });

  it.each([
    ["spa", "spa", ["authorization_code", "refresh_token"]],
    ["cli", "native", ["refresh_token", "urn:ietf:params:oauth:grant-type:device_code"]],
    ["backend-m2m", "non_interactive", ["client_credentials"]],
    ["action-callback-m2m", "non_interactive", ["client_credentials"]],
    ["agent-broker", "non_interactive", ["client_credentials", "urn:ietf:params:oauth:grant-type:token-exchange"]],
  ])("declares %s as %s with grant types %j", (key, appType, grantTypes) => {
    expect(named(`tenant-app-${key}-client`).inputs).toMatchObject({ appType, grantTypes });
  });

  it("gives the SPA rotating refresh tokens with a 24h absolute lifetime and 10m ID tokens", () => {
    expect(named("tenant-app-spa-client").inputs).toMatchObject({
      jwtConfiguration: { lifetimeInSeconds: 600 },
      refreshToken: { rotationType: "rotating", expirationType: "expiring", tokenLifetime: 86400 },
      callbacks: ["https://app.alpha-swarm.ai/auth/callback"],
    });
  });

  it("gives the CLI 30d absolute / 7d idle rotating refresh tokens and optional organizations", () => {
    expect(named("tenant-app-cli-client").inputs).toMatchObject({
      refreshToken: { rotationType: "rotating", tokenLifetime: 2_592_000, idleTokenLifetime: 604_800 },
      organizationUsage: "allow",
    });
  });

  it.each(["backend-m2m", "action-callback-m2m"])("grants %s exactly the runbook's Management API scopes", (key) => {
    expect(named(`tenant-app-${key}-grant-management`).inputs).toMatchObject({
      audience: "https://alphaswarm-prod.us.auth0.com/api/v2/",
      scopes: [...MANAGEMENT_SCOPES].sort(),
    });
  });

  it("grants the agent broker only the MCP permissions and lets it use custom token exchange", () => {
    expect(named("tenant-app-agent-broker-grant-api-alphaswarm-api").inputs.scopes).toEqual(
      ["read:mcp:codebase", "read:mcp:data", "write:mcp:codebase", "write:mcp:data"],
    );
    expect(named("tenant-app-agent-broker-client").inputs.tokenExchange).toEqual({ allowAnyProfileOfTypes: ["custom_authentication"] });
  });

  it("protects the API from deletion and uses no http or localhost URL", () => {
    expect(named("tenant-api-alphaswarm-api-server").protect).toBe(true);
    // Action code is checked apart: it names URIs such as the PAPE multi-factor policy (http://…).
    const withoutCode = resources.map((r) => ({ ...r, inputs: { ...r.inputs, code: undefined } }));
    expect(JSON.stringify(withoutCode)).not.toMatch(/http:\/\/|localhost/);
  });
});

describe("the prod stack deploys the runbook's Actions", () => {
  const ACTIONS_DIR = path.join(ROOT, "actions");
  const sources = fs.readdirSync(ACTIONS_DIR).filter((f) => f.endsWith(".js")).sort();
  const actions = () => resources.filter((r) => r.type === "auth0:index/action:Action");

  it("has four Action sources under actions/", () => {
    expect(sources).toEqual(["agent-delegation.js", "idp-group-sync.js", "post-login.js", "pre-user-registration.js"]);
  });

  it.each(sources)("deploys %s byte for byte as a node22 Action", (file) => {
    const code = fs.readFileSync(path.join(ACTIONS_DIR, file), "utf8");
    const deployed = actions().filter((a) => a.inputs.code === code);
    expect(deployed).toHaveLength(1);
    expect(deployed[0]!.inputs).toMatchObject({ runtime: "node22", deploy: true });
  });

  it("binds post-login first and the IdP group sync second in the post-login flow, after both are deployed", () => {
    const binding = named("tenant-actions-trigger-post-login");
    expect(binding.inputs).toEqual({
      trigger: "post-login",
      actions: [
        { id: "placeholder:tenant-actions-action-post-login:id", displayName: "alphaswarm-post-login" },
        { id: "placeholder:tenant-actions-action-idp-group-sync:id", displayName: "alphaswarm-idp-group-sync" },
      ],
    });
    expect(binding.dependsOn).toEqual(["tenant-actions-action-idp-group-sync", "tenant-actions-action-post-login"]);
  });

  it("binds the pre-user-registration Action, failing closed in prod", () => {
    expect(named("tenant-actions-trigger-pre-user-registration").inputs.actions).toEqual([
      { id: "placeholder:tenant-actions-action-pre-user-registration:id", displayName: "alphaswarm-pre-user-registration" },
    ]);
    expect(named("tenant-actions-action-pre-user-registration").inputs).toMatchObject({
      supportedTriggers: { id: "pre-user-registration", version: "v2" },
      secrets: [{ name: "FAIL_CLOSED", value: "true" }, { name: "INVITE_CHECK", value: "off" }],
    });
  });

  it("keeps the login Actions' secrets (which hold the callback client secret) secret", () => {
    expect(named("tenant-actions-action-post-login").inputs.secrets).toBe("[secret]");
    expect(named("tenant-actions-action-idp-group-sync").inputs.secrets).toBe("[secret]");
  });

  it("routes the agent-delegation subject token type to its Action for the agent broker", () => {
    expect(named("tenant-actions-profile-agent-delegation").inputs).toEqual({
      name: "alphaswarm-agent-delegation",
      subjectTokenType: "urn:alphaswarm:agent-delegation",
      actionId: "placeholder:tenant-actions-action-agent-delegation:id",
      type: "custom_authentication",
    });
    expect(named("tenant-actions-action-agent-delegation").inputs).toMatchObject({
      supportedTriggers: { id: "custom-token-exchange", version: "v1" },
      secrets: [
        { name: "API_AUDIENCE", value: "https://api.alpha-swarm.ai/" },
        { name: "AUTH0_DOMAIN", value: "alphaswarm-prod.us.auth0.com" },
        { name: "BROKER_CLIENT_ID", value: "placeholder:tenant-app-agent-broker-client:clientId" },
        { name: "SUBJECT_TOKEN_TYPE", value: "urn:alphaswarm:agent-delegation" },
      ],
    });
  });
});
