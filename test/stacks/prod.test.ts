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
    expect(JSON.stringify(resources)).not.toMatch(/http:\/\/|localhost/);
  });
});
