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
let outputs: Record<string, unknown>;
let warnings: readonly string[];
const named = (name: string) => {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name}`);
  return found;
};

beforeAll(async () => {
  const result = await runPlan({ projectDir: ROOT, stack: "prod" });
  resources = [...result.resources];
  outputs = result.outputs as Record<string, unknown>;
  warnings = result.warnings;
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

describe("the prod stack's security operations (runbook §1, §8, §9)", () => {
  const ofType = (type: string) => resources.filter((r) => r.type === type);

  it("streams all events to the backend's https webhook with a secret bearer authorization", () => {
    const [stream, ...others] = ofType("auth0:index/logStream:LogStream");
    expect(others).toEqual([]);
    expect(stream!.inputs.type).toBe("http");
    const sink = stream!.inputs.sink as Record<string, unknown>;
    expect(sink.httpAuthorization).toBe("[secret]");
    expect(sink.httpEndpoint).toBe("https://api.alpha-swarm.ai/_internal/auth0/log-stream");
    expect(new URL(sink.httpEndpoint as string).protocol).toBe("https:");
    expect(sink.httpContentType).toBe("application/json");
    expect(stream!.inputs.filters).toBeUndefined();
  });

  it("exports the webhook's bearer secret as a secret stack output", () => {
    expect(outputs.logStreams).toEqual({ backend: { type: "webhook", bearerSecret: "[secret]" } });
  });

  it("uses adaptive MFA with the runbook's factors", () => {
    const [guardian] = ofType("auth0:index/guardian:Guardian");
    expect(guardian!.inputs).toMatchObject({
      policy: "confidence-score",
      otp: true,
      email: true,
      recoveryCode: true,
      webauthnRoaming: { enabled: true },
      webauthnPlatform: { enabled: true },
      push: { enabled: true },
      phone: { enabled: true, messageTypes: ["sms"] },
    });
  });

  it("warns, without failing, that SMS is offered to the organization-enabled CLI", () => {
    expect(warnings).toEqual([expect.stringMatching(/^auth0kit:mfa\.factors\.phone: SMS codes are discouraged .*\(applications cli\)/)]);
  });

  it("turns on brute-force protection, breached-password detection and suspicious-IP throttling", () => {
    const [protection] = ofType("auth0:index/attackProtection:AttackProtection");
    expect(protection!.inputs).toMatchObject({
      bruteForceProtection: { enabled: true, shields: ["block", "user_notification"] },
      breachedPasswordDetection: { enabled: true },
      suspiciousIpThrottling: { enabled: true, shields: ["admin_notification", "block"] },
    });
  });

  it("declares the protected custom domain, issues tokens on it, and keeps the Management API on the canonical domain", () => {
    const [domain] = ofType("auth0:index/customDomain:CustomDomain");
    expect(domain!.inputs).toEqual({ domain: "auth.alpha-swarm.ai", type: "auth0_managed_certs" });
    expect(domain!.protect).toBe(true);
    expect(outputs.issuer).toBe("https://auth.alpha-swarm.ai/");
    expect(outputs.jwksUrl).toBe("https://auth.alpha-swarm.ai/.well-known/jwks.json");
    expect(outputs.managementApiAudience).toBe("https://alphaswarm-prod.us.auth0.com/api/v2/");
    expect((outputs.customDomain as { dnsRecords: unknown }).dnsRecords).toEqual([
      { type: "CNAME", name: "auth.alpha-swarm.ai", value: "placeholder:tenant-custom-domain-domain:verificationRecord" },
    ]);
  });
});
