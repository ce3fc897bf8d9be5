import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type PlanResult, runPlan } from "../../plan/run";

/**
 * The reference products' runbook tables, row by row, against the planned stacks (read through
 * the real stack-file reader and loader). Plans run one after another in this process.
 */
const ROOT = path.resolve(__dirname, "../..");
const plans = new Map<string, PlanResult>();
const STACKS = {
  prod: "Pulumi.prod.yaml",
  stage: "Pulumi.stage.yaml",
  dev: "Pulumi.dev.yaml",
  local: "Pulumi.local.yaml",
  orcheoDev: "examples/orcheo/Pulumi.dev.yaml",
  orcheoProd: "examples/orcheo/Pulumi.prod.yaml",
  firstParty: "examples/orcheo/Pulumi.first-party.yaml",
} as const;

beforeAll(async () => {
  for (const [key, file] of Object.entries(STACKS)) {
    const stack = path.basename(file).replace(/^Pulumi\.|\.yaml$/g, "");
    plans.set(key, await runPlan({ projectDir: ROOT, stack, configFile: path.join(ROOT, file) }));
  }
}, 60_000);

const plan = (key: keyof typeof STACKS) => plans.get(key)!;
const vars = (key: keyof typeof STACKS, file: string) => plan(key).envFiles.find((f) => f.name === file)!.vars;
const auth0Resources = (key: keyof typeof STACKS) => plan(key).resources.filter((r) => r.custom && r.type.startsWith("auth0:"));
const placeholder = (app: string) => `placeholder:tenant-app-${app}-client:clientId`;

describe("AlphaSwarm runbook §1: one tenant per environment, issuer on its custom domain", () => {
  it.each([
    ["dev", "alphaswarm-dev.us.auth0.com", "auth.dev.alpha-swarm.ai"],
    ["stage", "alphaswarm-stage.us.auth0.com", "auth.stage.alpha-swarm.ai"],
    ["prod", "alphaswarm-prod.us.auth0.com", "auth.alpha-swarm.ai"],
  ] as const)("%s: tenant %s, issuer https://%s/", (key, domain, custom) => {
    const outputs = plan(key).outputs as Record<string, unknown>;
    expect(outputs.domain).toBe(domain);
    expect(outputs.issuer).toBe(`https://${custom}/`);
    expect(outputs.managementApiAudience).toBe(`https://${domain}/api/v2/`);
    expect(plan(key).resources.find((r) => r.type === "auth0:index/customDomain:CustomDomain")?.inputs.domain).toBe(custom);
  });
});

describe("AlphaSwarm runbook §3.1, §10 and §11: the env files", () => {
  it("renders the backend checklist of §10 (with §3.3 and §3.5), in order", () => {
    expect(vars("prod", "backend")).toEqual({
      ALPHASWARM_AUTH_PROVIDER: "auth0",
      ALPHASWARM_AUTH_REQUIRED: "true",
      ALPHASWARM_AUTH_ENFORCE: "strict",
      ALPHASWARM_AUTH_OIDC_ISSUER: "https://auth.alpha-swarm.ai/",
      ALPHASWARM_AUTH_OIDC_AUDIENCE: "https://api.alpha-swarm.ai/",
      ALPHASWARM_AUTH_OIDC_CLIENT_ID: placeholder("spa"),
      ALPHASWARM_AUTH_OIDC_CLIENT_SECRET: "",
      ALPHASWARM_AUTH_CLAIMS_NAMESPACE: "https://alphaswarm.internal/",
      ALPHASWARM_AUTH_CLAIMS_NAMESPACE_ALIASES: "https://alphaswarm/",
      ALPHASWARM_AUTH0_MGMT_API_AUDIENCE: "https://alphaswarm-prod.us.auth0.com/api/v2/",
      ALPHASWARM_AUTH0_MGMT_API_CLIENT_ID: placeholder("backend-m2m"),
      ALPHASWARM_AUTH0_MGMT_API_CLIENT_SECRET: "",
      ALPHASWARM_AUTH_M2M_ENABLED: "true",
      ALPHASWARM_AUTH_M2M_AUDIENCE: "https://api.alpha-swarm.ai/",
      ALPHASWARM_AUTH_M2M_TOKEN_TTL_SECONDS: "900",
      ALPHASWARM_AUTH0_DPOP_ENABLED: "true",
      ALPHASWARM_AUTH0_DPOP_REQUIRED: "false",
      ALPHASWARM_DPOP_ENFORCEMENT_ENABLED: "false",
      ALPHASWARM_AUTH_STEP_UP_ENABLED: "true",
      ALPHASWARM_AUTH_STEP_UP_DEFAULT_MAX_AGE: "180",
      ALPHASWARM_AUTH0_LOG_STREAM_SECRET: "[secret]",
      ALPHASWARM_AUTH0_LOG_STREAM_MAX_AGE_SECONDS: "86400",
      ALPHASWARM_AUTH_AGENT_TOKEN_EXCHANGE_ENABLED: "true",
      ALPHASWARM_AUTH_AGENT_BROKER_CLIENT_ID: placeholder("agent-broker"),
      ALPHASWARM_AUTH_AGENT_BROKER_CLIENT_SECRET: "",
      ALPHASWARM_AUTH_AGENT_DELEGATION_TTL_SECONDS: "300",
      ALPHASWARM_AUTH_MSAL_B2B_ENABLED: "true",
      ALPHASWARM_TENANCY_DEFAULT_STRATEGY: "hybrid",
      ALPHASWARM_TENANCY_RLS_ENFORCE: "strict",
      ALPHASWARM_MCP_DATA_CANONICAL_URI: "https://api.alpha-swarm.ai/mcp/data",
      ALPHASWARM_MCP_CODEBASE_CANONICAL_URI: "https://api.alpha-swarm.ai/mcp/codebase",
      ALPHASWARM_MCP_REQUIRE_RFC8707: "strict",
      ALPHASWARM_USER_OAUTH_ENABLED: "true",
      ALPHASWARM_AUTH_AUDIT_ENABLED: "true",
      ALPHASWARM_AUTH_AUDIT_RETENTION_DAYS: "365",
    });
    expect(Object.keys(vars("prod", "backend"))[0]).toBe("ALPHASWARM_AUTH_PROVIDER");
  });

  it("renders the dev backend with the client secrets the dev backend reads from its env", () => {
    expect(vars("dev", "backend")).toMatchObject({
      ALPHASWARM_AUTH_OIDC_ISSUER: "https://auth.dev.alpha-swarm.ai/",
      ALPHASWARM_AUTH0_MGMT_API_CLIENT_SECRET: "[secret]",
      ALPHASWARM_AUTH_AGENT_BROKER_CLIENT_SECRET: "[secret]",
    });
  });

  it("renders the SPA's Vite variables of §3.1", () => {
    expect(vars("prod", "frontend")).toEqual({
      VITE_AUTH_PROVIDER: "auth0",
      VITE_AUTH0_DOMAIN: "auth.alpha-swarm.ai",
      VITE_AUTH0_SPA_CLIENT_ID: placeholder("spa"),
      VITE_AUTH0_AUDIENCE: "https://api.alpha-swarm.ai/",
      VITE_AUTH0_SCOPE: "openid profile email read:portfolio write:portfolio read:strategy write:strategy read:mcp:data offline_access",
      VITE_AUTH0_ORGANIZATION: "",
    });
  });

  it("renders the CLI variables of §11", () => {
    expect(vars("prod", "cli")).toEqual({
      ALPHASWARM_CLI_OIDC_DOMAIN: "auth.alpha-swarm.ai",
      ALPHASWARM_CLI_OIDC_CLIENT_ID: placeholder("cli"),
      ALPHASWARM_CLI_OIDC_AUDIENCE: "https://api.alpha-swarm.ai/",
      ALPHASWARM_CLI_OIDC_ORGANIZATION: "",
      ALPHASWARM_CLI_AUTH_ALLOW_PLAINTEXT_FALLBACK: "0",
    });
  });

  it("keeps the stage files on stage's own hosts", () => {
    expect(vars("stage", "backend")).toMatchObject({
      ALPHASWARM_AUTH_OIDC_ISSUER: "https://auth.stage.alpha-swarm.ai/",
      ALPHASWARM_AUTH_OIDC_AUDIENCE: "https://api.stage.alpha-swarm.ai/",
      ALPHASWARM_AUTH0_MGMT_API_AUDIENCE: "https://alphaswarm-stage.us.auth0.com/api/v2/",
    });
  });
});

describe("AlphaSwarm's stage stack: the prod shape on its own tenant", () => {
  const shape = (key: "stage" | "prod") => ({
    strategies: auth0Resources(key).filter((r) => r.type === "auth0:index/connection:Connection").map((r) => `${r.name} ${String(r.inputs.strategy)}`).sort(),
    organizations: auth0Resources(key).filter((r) => r.type === "auth0:index/organization:Organization").map((r) => r.name).sort(),
  });

  it("has every customer connection and organization prod has, the ADFS customer included", () => {
    expect(shape("stage")).toEqual(shape("prod"));
    expect(shape("stage").strategies).toContain("tenant-connection-umbrella-adfs-connection adfs");
  });
});

describe("AlphaSwarm's local-first shape", () => {
  it("declares no Auth0 resource, only its generated secret", () => {
    expect(auth0Resources("local")).toEqual([]);
    expect(plan("local").resources.filter((r) => r.custom).map((r) => r.type)).toEqual(["random:index/randomBytes:RandomBytes"]);
  });

  it("renders env files for ALPHASWARM_AUTH_PROVIDER=local with the generated secret kept secret", () => {
    expect(vars("local", "backend")).toMatchObject({ ALPHASWARM_AUTH_PROVIDER: "local", ALPHASWARM_AUTH_LOCAL_SIGNING_SECRET: "[secret]" });
    // The rollout setting, not a literal: auth0kit:rollout.enforcement is permissive here.
    expect(vars("local", "backend").ALPHASWARM_AUTH_ENFORCE).toBe("permissive");
    expect(vars("local", "frontend")).toEqual({ VITE_AUTH_PROVIDER: "local" });
  });
});

describe("Orcheo on Auth0 (orcheo-auth0-idp-setup.txt)", () => {
  it("defines the API with the guide's permissions and RS256", () => {
    for (const key of ["orcheoDev", "orcheoProd"] as const) {
      const server = plan(key).resources.find((r) => r.name === "tenant-api-orcheo-api-server")!;
      expect(server.inputs).toMatchObject({ name: "Orcheo API", identifier: "https://orcheo-api", signingAlg: "RS256" });
      const scopes = (plan(key).resources.find((r) => r.name === "tenant-api-orcheo-api-scopes")!.inputs.scopes as { name: string }[]).map((s) => s.name);
      expect(scopes).toEqual(expect.arrayContaining(["workflows:read", "workflows:execute", "chatkit:session"]));
      expect(scopes).toHaveLength(8);
    }
  });

  it("allows users in dev and requires the Canvas SPA's user grant in prod", () => {
    const policy = (key: "orcheoDev" | "orcheoProd") =>
      (plan(key).resources.find((r) => r.name === "tenant-api-orcheo-api-server")!.inputs.subjectTypeAuthorization as { user: { policy: string } }).user.policy;
    expect(policy("orcheoDev")).toBe("allow_all");
    expect(policy("orcheoProd")).toBe("require_client_grant");
    expect(plan("orcheoProd").resources.find((r) => r.name === "tenant-app-canvas-grant-api-orcheo-api")!.inputs).toMatchObject({
      subjectType: "user",
      scopes: ["chatkit:session", "workflows:execute", "workflows:read"],
    });
  });

  it("gives Canvas the localhost URLs in dev and its domain in prod", () => {
    const client = (key: "orcheoDev" | "orcheoProd") => plan(key).resources.find((r) => r.name === "tenant-app-canvas-client")!.inputs;
    expect(client("orcheoDev")).toMatchObject({ appType: "spa", callbacks: ["http://localhost:2026/auth/callback"], allowedOrigins: ["http://localhost:2026"] });
    expect(client("orcheoProd")).toMatchObject({ callbacks: ["https://canvas.orcheo.example.com/auth/callback"], webOrigins: ["https://canvas.orcheo.example.com"] });
  });

  it("renders every VITE_ORCHEO_* variable of the guide, the scopes built from the grant", () => {
    const canvas = vars("orcheoDev", "canvas");
    expect(canvas.VITE_ORCHEO_AUTH_SCOPES).toBe("openid profile email workflows:read workflows:execute chatkit:session");
    expect(canvas).toMatchObject({
      VITE_ORCHEO_BACKEND_URL: "http://localhost:2025",
      VITE_ORCHEO_AUTH_ISSUER: "https://orcheo-dev.us.auth0.com/",
      VITE_ORCHEO_AUTH_CLIENT_ID: placeholder("canvas"),
      VITE_ORCHEO_AUTH_REDIRECT_URI: "",
      VITE_ORCHEO_AUTH_AUDIENCE: "https://orcheo-api",
      VITE_ORCHEO_AUTH_ORGANIZATION: "placeholder:tenant-org-orcheo-team-organization:id",
      VITE_ORCHEO_AUTH_PROVIDER_PARAM: "connection",
      VITE_ORCHEO_AUTH_PROVIDER_GOOGLE: "google-oauth2",
      VITE_ORCHEO_AUTH_PROVIDER_GITHUB: "github",
      VITE_ORCHEO_AUTH_PROVIDER_SIGNUP: "Username-Password-Authentication",
    });
  });

  it.each(["orcheoDev", "orcheoProd"] as const)("%s: the pinned organization enables every connection Canvas offers, social members invited", (key) => {
    const canvas = vars(key, "canvas");
    const offered = [canvas.VITE_ORCHEO_AUTH_PROVIDER_GOOGLE, canvas.VITE_ORCHEO_AUTH_PROVIDER_GITHUB, canvas.VITE_ORCHEO_AUTH_PROVIDER_SIGNUP];
    const connectionNames = new Map(plan(key).resources.filter((r) => r.type === "auth0:index/connection:Connection").map((r) => [`placeholder:${r.name}:id`, r.inputs.name]));
    const enabled = plan(key).resources.find((r) => r.name === "tenant-org-orcheo-team-connections")!.inputs.enabledConnections as { connectionId: string; assignMembershipOnLogin: boolean }[];
    expect(enabled.map((e) => connectionNames.get(e.connectionId)).sort()).toEqual([...offered].sort());
    expect(enabled.filter((e) => e.assignMembershipOnLogin).map((e) => connectionNames.get(e.connectionId))).toEqual(["Username-Password-Authentication"]);
  });

  it("gives the prod bootstrap token a cut-off (the guide: initial setup only)", () => {
    expect(vars("orcheoProd", "backend").ORCHEO_AUTH_BOOTSTRAP_TOKEN_EXPIRES_AT).toBe("1798675200");
  });

  it("renders the backend's auth settings, with the guide's rate limits per environment", () => {
    const dev = vars("orcheoDev", "backend");
    expect(dev.ORCHEO_AUTH_JWKS_URL).toBe("https://orcheo-dev.us.auth0.com/.well-known/jwks.json");
    expect(dev).toMatchObject({
      ORCHEO_AUTH_MODE: "required",
      ORCHEO_AUTH_AUDIENCE: "https://orcheo-api",
      ORCHEO_AUTH_ISSUER: "https://orcheo-dev.us.auth0.com/",
      ORCHEO_AUTH_ALLOWED_ALGORITHMS: "RS256",
      ORCHEO_AUTH_DEV_LOGIN_ENABLED: "false",
      ORCHEO_AUTH_BOOTSTRAP_SERVICE_TOKEN: "[secret]",
      ORCHEO_CHATKIT_TOKEN_SIGNING_KEY: "[secret]",
      ORCHEO_CORS_ALLOW_ORIGINS: "http://localhost:2026",
      ORCHEO_AUTH_RATE_LIMIT_IP: "0",
      ORCHEO_AUTH_RATE_LIMIT_IDENTITY: "0",
      ORCHEO_AUTH_RATE_LIMIT_INTERVAL: "60",
    });
    expect(vars("orcheoProd", "backend")).toMatchObject({ ORCHEO_AUTH_RATE_LIMIT_IP: "10", ORCHEO_AUTH_RATE_LIMIT_IDENTITY: "5" });
  });
});

describe("Orcheo after the first-party cutover (orcheo-first-party-auth-operations.txt)", () => {
  it("declares no Auth0 resource at all", () => {
    expect(auth0Resources("firstParty")).toEqual([]);
  });

  it("validates HS256 tokens of the first-party issuer, with no JWKS URL, and sends mail over SMTP", () => {
    const backend = vars("firstParty", "backend");
    expect(backend).toMatchObject({
      ORCHEO_AUTH_MODE: "required",
      ORCHEO_AUTH_JWT_SECRET: "[secret]",
      ORCHEO_AUTH_ALLOWED_ALGORITHMS: "HS256",
      ORCHEO_AUTH_ISSUER: "https://api.orcheo.example.com",
      ORCHEO_AUTH_AUDIENCE: "orcheo-api",
      ORCHEO_SMTP_PASSWORD: "[secret]",
    });
    expect(Object.keys(backend).filter((name) => name.includes("JWKS"))).toEqual([]);
    expect(plan("firstParty").unsetSecrets).toEqual(["auth0kit:smtpPassword"]);
  });

  it("generates the signing key, rotated by its counter", () => {
    const key = plan("firstParty").resources.find((r) => r.name === "generated-jwt-secret")!;
    expect(key.inputs).toMatchObject({ length: 64, keepers: { rotation: "1" } });
  });
});
