import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlannedResource } from "../../plan/mockRuntime";
import { economyOf } from "../../plan/economy";
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
let outputs: Record<string, unknown> & {
  organizations: Record<string, { id: string }>;
  connections: Record<string, { id: string; name: string }>;
};
let unsetSecrets: readonly string[];
let warnings: readonly string[];
let envFiles: Awaited<ReturnType<typeof runPlan>>["envFiles"];
const named = (name: string) => {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource ${name}`);
  return found;
};

beforeAll(async () => {
  const plan = await runPlan({ projectDir: ROOT, stack: "prod" });
  resources = [...plan.resources];
  outputs = plan.outputs as typeof outputs;
  unsetSecrets = plan.unsetSecrets;
  warnings = plan.warnings;
  envFiles = plan.envFiles;
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

  it("protects the tenant settings from deletion", () => {
    expect(named("tenant-settings-tenant").protect).toBe(true);
  });

  it("protects the API from deletion and uses no http or localhost URL", () => {
    expect(named("tenant-api-alphaswarm-api-server").protect).toBe(true);
    // Action code is checked apart: it names URIs such as the PAPE multi-factor policy (http://…).
    const withoutCode = resources.map((r) => ({ ...r, inputs: { ...r.inputs, code: undefined } }));
    expect(JSON.stringify(withoutCode)).not.toMatch(/http:\/\/|localhost/);
  });
});

describe("the prod stack's roles (docs/roles.md)", () => {
  const API = "https://api.alpha-swarm.ai/";
  const MCP_DATA = "https://api.alpha-swarm.ai/mcp/data";
  const MCP_CODEBASE = "https://api.alpha-swarm.ai/mcp/codebase";
  // [permission, API identifier], sorted by permission and then API key: the MCP scopes are held
  // on the main API and on the short-lived delegation APIs (alphaswarm-api < mcp-codebase < mcp-data).
  const ROLES: Record<string, [string, string][]> = {
    member: [["read:mcp:data", API], ["read:mcp:data", MCP_DATA], ["read:portfolio", API], ["read:strategy", API], ["write:portfolio", API], ["write:strategy", API]],
    trader: [["deploy:strategy", API], ["run:agent", API], ["trade:execute", API]],
    "live-trader": [["trade:live", API]],
    "mcp-operator": [
      ["read:mcp:codebase", API], ["read:mcp:codebase", MCP_CODEBASE], ["write:mcp:codebase", API], ["write:mcp:codebase", MCP_CODEBASE],
      ["write:mcp:data", API], ["write:mcp:data", MCP_DATA],
    ],
    "org-admin": [["admin:tenant", API], ["manage:broker_credentials", API]],
    superadmin: [["admin:cluster", API], ["kill_switch:execute", API]],
  };

  it.each(Object.entries(ROLES))("declares role %s with a Role and one RolePermissions holding %j", (key, permissions) => {
    expect(named(`tenant-role-${key}-role`).type).toBe("auth0:index/role:Role");
    const set = named(`tenant-role-${key}-permissions`);
    expect(set.type).toBe("auth0:index/rolePermissions:RolePermissions");
    expect(set.inputs.permissions).toEqual(permissions.map(([name, resourceServerIdentifier]) => ({ name, resourceServerIdentifier })));
  });

  it("gives every user-facing permission to some role, and read:logs (the Management-API client's) to none", () => {
    const held = resources.filter((r) => r.type === "auth0:index/rolePermissions:RolePermissions").flatMap((r) => (r.inputs.permissions as { name: string }[]).map((p) => p.name));
    expect(new Set(held)).toEqual(new Set(RUNBOOK_PERMISSIONS.filter((p) => p !== "read:logs")));
    expect(resources.filter((r) => r.type === "auth0:index/role:Role")).toHaveLength(Object.keys(ROLES).length);
  });

  it("exports each role's ID for the backend's invitations", () => {
    expect((outputs.roles as Record<string, { id: string }>).member!.id).toBe("placeholder:tenant-role-member-role:id");
  });
});

describe("the prod stack's email", () => {
  it("sends through its own provider (SendGrid), the API key a secret config key", () => {
    expect(named("tenant-email-provider").inputs).toEqual({
      name: "sendgrid",
      enabled: true,
      defaultFromAddress: "AlphaSwarm <no-reply@alpha-swarm.ai>",
      credentials: { apiKey: "[secret]" },
    });
    expect(unsetSecrets).toContain("auth0kit:sendgridApiKey");
  });

  it.each(["verify_email", "welcome_email", "reset_email", "mfa_oob_code", "user_invitation"])("customizes %s in Liquid from its file, after the provider", (template) => {
    const resource = named(`tenant-email-template-${template.replace(/_/g, "-")}`);
    expect(resource.inputs).toMatchObject({ template, syntax: "liquid", enabled: true, from: "AlphaSwarm <no-reply@alpha-swarm.ai>" });
    expect(resource.inputs.body).toBe(fs.readFileSync(path.join(ROOT, `emails/alphaswarm/${template.replace(/_/g, "-")}.liquid`), "utf8"));
    expect(resource.dependsOn).toEqual(["tenant-email-provider"]);
  });

  it("sends verification and reset links back to the app, with lifetimes of 24h and 1h", () => {
    expect(named("tenant-email-template-verify-email").inputs).toMatchObject({ resultUrl: "https://app.alpha-swarm.ai/", urlLifetimeInSeconds: 86_400 });
    expect(named("tenant-email-template-reset-email").inputs).toMatchObject({ resultUrl: "https://app.alpha-swarm.ai/", urlLifetimeInSeconds: 3_600, includeEmailInRedirect: false });
  });
});

describe("the prod stack's Universal Login", () => {
  it("asks for the identifier first, so the organizations' home-realm discovery works, and offers biometrics first after Guardian", () => {
    const prompt = named("tenant-login-prompts");
    expect(prompt.inputs).toEqual({ universalLoginExperience: "new", identifierFirst: true, webauthnPlatformFirstFactor: true });
    expect(prompt.dependsOn).toEqual(["tenant-mfa-guardian"]);
  });

  it("brands the tenant's login pages with a logo, a favicon and colours", () => {
    expect(named("tenant-login-branding").inputs).toEqual({
      logoUrl: "https://assets.alpha-swarm.ai/brand/logo.png",
      faviconUrl: "https://assets.alpha-swarm.ai/brand/favicon.ico",
      colors: { primary: "#3b2bd6", pageBackground: "#0d1117" },
    });
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

  it("requires OTP of every organization (B2B) login through the post-login Action, with the OTP factor on", () => {
    const secrets = named("tenant-actions-action-post-login").inputs.secrets as { name: string; value: string }[];
    expect(secrets).toContainEqual({ name: "ORGANIZATION_MFA", value: "otp" });
    expect(named("tenant-mfa-guardian").inputs.otp).toBe(true);
  });

  it("keeps the login Actions' secrets (which hold the callback client secret) secret", () => {
    for (const action of ["tenant-actions-action-post-login", "tenant-actions-action-idp-group-sync"]) {
      const secrets = named(action).inputs.secrets as { name: string; value: string }[];
      expect(secrets.find((entry) => entry.name === "CLIENT_SECRET")?.value).toBe("[secret]");
    }
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
        { name: "DELEGATION_AUDIENCES", value: "https://api.alpha-swarm.ai/mcp/codebase,https://api.alpha-swarm.ai/mcp/data" },
        { name: "ISSUER", value: "https://auth.alpha-swarm.ai/" },
        { name: "SUBJECT_TOKEN_TYPE", value: "urn:alphaswarm:agent-delegation" },
      ],
    });
  });
});

describe("the prod stack's delegated tokens (runbook §3.5: 5m; §10: one audience per MCP server)", () => {
  const MCP = { "mcp-data": "https://api.alpha-swarm.ai/mcp/data", "mcp-codebase": "https://api.alpha-swarm.ai/mcp/codebase" };

  it.each(Object.entries(MCP))("gives delegation its own 300 s API %s, for users of granted applications only", (key, identifier) => {
    expect(named(`tenant-api-${key}-server`).inputs).toMatchObject({
      identifier,
      tokenLifetime: 300,
      tokenLifetimeForWeb: 300,
      allowOfflineAccess: false,
      subjectTypeAuthorization: { user: { policy: "require_client_grant" }, client: { policy: "deny_all" } },
    });
    expect(named(`tenant-app-agent-broker-grant-api-${key}`).inputs).toMatchObject({ audience: identifier, subjectType: "user" });
  });

  it("renders the delegation TTL and the MCP canonical URIs the backend checks from the same APIs", () => {
    const backend = envFiles.find((f) => f.name === "backend")!.vars;
    expect(backend.ALPHASWARM_AUTH_AGENT_DELEGATION_TTL_SECONDS).toBe(String(named("tenant-api-mcp-data-server").inputs.tokenLifetime));
    expect(backend.ALPHASWARM_AUTH_AGENT_DELEGATION_TTL_SECONDS).toBe(String(named("tenant-api-mcp-codebase-server").inputs.tokenLifetime));
    expect(backend.ALPHASWARM_MCP_DATA_CANONICAL_URI).toBe(MCP["mcp-data"]);
    expect(backend.ALPHASWARM_MCP_CODEBASE_CANONICAL_URI).toBe(MCP["mcp-codebase"]);
  });
});

describe("the prod stack is the B2B shape: B2C connections plus customer organizations", () => {
  const ofType = (type: string) => resources.filter((r) => r.type === type);
  const connections = () => ofType("auth0:index/connection:Connection");
  const ENTERPRISE = ["samlp", "oidc", "waad", "okta", "adfs", "pingfederate", "google-apps"];

  it("has a database, a Google and a GitHub connection and at least one enterprise connection", () => {
    const strategies = connections().map((r) => r.inputs.strategy as string);
    expect(strategies).toEqual(expect.arrayContaining(["auth0", "google-oauth2", "github"]));
    expect(strategies.filter((s) => ENTERPRISE.includes(s)).length).toBeGreaterThanOrEqual(1);
  });

  it("uses Username-Password-Authentication with the excellent password policy", () => {
    const db = connections().filter((r) => r.inputs.strategy === "auth0");
    expect(db.map((r) => r.inputs.name)).toEqual(["Username-Password-Authentication"]);
    // Options without a client secret are recorded in the clear.
    expect(db[0]!.inputs.options).toMatchObject({ passwordPolicy: "excellent" });
  });

  it("retains every database connection on delete and protects every connection", () => {
    for (const db of connections().filter((r) => r.inputs.strategy === "auth0")) expect(db.retainOnDelete).toBe(true);
    expect(connections().every((r) => r.protect)).toBe(true);
  });

  it("owns each connection's applications in exactly one ConnectionClients and uses no singular ConnectionClient", () => {
    // One owner per connection, by its connection's ID (both sit directly under the tenant).
    const owners = ofType("auth0:index/connectionClients:ConnectionClients").map((r) => r.inputs.connectionId as string);
    expect(owners.sort()).toEqual(connections().map((r) => `placeholder:${r.name}:id`).sort());
    expect(new Set(owners).size).toBe(owners.length);
    expect(ofType("auth0:index/connectionClient:ConnectionClient")).toEqual([]);
  });

  it("enables every connection for the SPA and the agent broker (whose token exchange sets users of them), and the B2C ones for the CLI", () => {
    const [broker, cli, spa] = ["agent-broker", "cli", "spa"].map((key) => `placeholder:tenant-app-${key}-client:clientId`);
    const enabled = Object.fromEntries(ofType("auth0:index/connectionClients:ConnectionClients").map((r) => [r.name, r.inputs.enabledClients]));
    const b2c = ["username-password", "google-oauth2", "github"];
    const customers = ["acme-okta", "globex-entra", "umbrella-adfs"];
    expect(Object.keys(enabled).sort()).toEqual([...b2c, ...customers].map((key) => `tenant-connection-${key}-clients`).sort());
    for (const key of b2c) expect(enabled[`tenant-connection-${key}-clients`]).toEqual([broker, cli, spa]);
    for (const key of customers) expect(enabled[`tenant-connection-${key}-clients`]).toEqual([broker, spa]);
  });

  it("makes every customer's enterprise connection organization-only, a mark the post-login Action reads", () => {
    const marked = ofType("auth0:index/connection:Connection")
      .filter((r) => r.inputs.metadata !== undefined)
      .map((r) => [r.name, r.inputs.metadata]);
    expect(marked).toEqual(
      ["acme-okta", "globex-entra", "umbrella-adfs"].map((key) => [`tenant-connection-${key}-connection`, { organization_required: "true" }]),
    );
  });

  it("declares at least two protected organizations, each with one OrganizationConnections and no singular OrganizationConnection", () => {
    const organizations = ofType("auth0:index/organization:Organization");
    expect(organizations.length).toBeGreaterThanOrEqual(2);
    expect(organizations.every((r) => r.protect)).toBe(true);
    const owners = ofType("auth0:index/organizationConnections:OrganizationConnections").map((r) => r.inputs.organizationId as string);
    expect(owners.sort()).toEqual(organizations.map((r) => `placeholder:${r.name}:id`).sort());
    expect(ofType("auth0:index/organizationConnection:OrganizationConnection")).toEqual([]);
  });

  it("gives each organization a branded login and only its own enterprise connection, members invited", () => {
    const strategyById = new Map(connections().map((r) => [`placeholder:${r.name}:id`, r.inputs.strategy as string]));
    const used = new Set<string>();
    for (const org of ofType("auth0:index/organization:Organization")) {
      expect(org.inputs.branding).toMatchObject({ logoUrl: expect.stringMatching(/^https:\/\//), colors: { primary: expect.any(String), page_background: expect.any(String) } });
      const enabled = ofType("auth0:index/organizationConnections:OrganizationConnections").find((r) => r.inputs.organizationId === `placeholder:${org.name}:id`)!.inputs
        .enabledConnections as { connectionId: string; assignMembershipOnLogin: boolean }[];
      expect(enabled).toHaveLength(1);
      expect(ENTERPRISE).toContain(strategyById.get(enabled[0]!.connectionId));
      expect(enabled[0]!.assignMembershipOnLogin).toBe(false);
      expect(used.has(enabled[0]!.connectionId)).toBe(false);
      used.add(enabled[0]!.connectionId);
    }
  });

  it("keeps every connection, phone-provider and email-provider secret out of the stack file: each is a referenced secret config key", () => {
    expect(unsetSecrets).toEqual([
      "auth0kit:acmeOktaClientSecret",
      "auth0kit:githubClientSecret",
      "auth0kit:globexEntraClientSecret",
      "auth0kit:googleClientSecret",
      "auth0kit:sendgridApiKey",
      "auth0kit:twilioAccountSid",
      "auth0kit:twilioAuthToken",
      "auth0kit:twilioSenderNumber",
    ]);
  });

  it("federates the ADFS customer through its server's metadata, for its organization only", () => {
    expect(named("tenant-connection-umbrella-adfs-connection").inputs).toMatchObject({
      strategy: "adfs",
      options: { adfsServer: "https://adfs.umbrella-corp.example/FederationMetadata/2007-06/FederationMetadata.xml", domainAliases: ["umbrella-corp.example"] },
    });
  });

  it("exports each organization's ID and each connection's ID and name", () => {
    expect(outputs.organizations).toEqual({
      acme: { id: "placeholder:tenant-org-acme-organization:id", name: "acme" },
      globex: { id: "placeholder:tenant-org-globex-organization:id", name: "globex" },
      umbrella: { id: "placeholder:tenant-org-umbrella-organization:id", name: "umbrella" },
    });
    expect(outputs.connections["username-password"]).toEqual({
      id: "placeholder:tenant-connection-username-password-connection:id",
      name: "Username-Password-Authentication",
    });
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
    expect(guardian!.inputs.phone).not.toHaveProperty("provider");
  });

  it("sends SMS through the tenant's Twilio provider (Unified Phone Experience), credentials secret", () => {
    const [provider] = ofType("auth0:index/phoneProvider:PhoneProvider");
    expect(provider!.inputs).toEqual({
      name: "twilio",
      disabled: false,
      configuration: { deliveryMethods: ["text"], sid: "[secret]", defaultFrom: "[secret]" },
      credentials: { authToken: "[secret]" },
    });
    const [tenant] = ofType("auth0:index/tenant:Tenant");
    expect(tenant!.inputs.phoneConsolidatedExperience).toBe(true);
  });

  it("requires OTP of every organization login in the post-login Action, so SMS stays a consumer fallback and draws no warning", () => {
    expect(warnings).toEqual([
      expect.stringMatching(/^guardrail override in force: no-all-permissions-grant at auth0kit:applications\.backend-m2m\.grants\.alphaswarm-api: Runbook 3\.3/),
      expect.stringMatching(/^guardrail override in force: no-all-permissions-grant at auth0kit:applications\.action-callback-m2m\.grants\.alphaswarm-api: Runbook 3\.4/),
      expect.stringMatching(/^guardrail override in force: no-all-permissions-grant at auth0kit:applications\.agent-broker\.grants\.mcp-data: Runbook 3\.5/),
      expect.stringMatching(/^guardrail override in force: no-all-permissions-grant at auth0kit:applications\.agent-broker\.grants\.mcp-codebase: Runbook 3\.5/),
    ]);
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

describe("the prod stack's Management API economy", () => {
  it("makes fewer requests on a fresh up than one resource per scope, connection client, organization connection and binding would", () => {
    const economy = economyOf(resources);
    expect(economy.singularResources).toBeGreaterThan(economy.resources);
    expect(economy.requests).toBeLessThan(economy.singularRequests);
    // 17 + 2 + 2 permissions on three APIs: one ResourceServerScopes each (3 requests) instead of 21 × 3.
    expect(economy.byType.find((row) => row.type === "auth0:index/resourceServerScopes:ResourceServerScopes")).toMatchObject({ requests: 9, singularRequests: 63 });
  });
});

