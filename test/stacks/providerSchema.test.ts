import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlannedResource } from "../../plan/mockRuntime";
import { runPlan } from "../../plan/run";
import { TEXT_PROMPTS } from "../../config/schema/login";

/**
 * The provider's own plan-time checks that a real `pulumi preview` would run, which this machine
 * cannot (docs/engine.md): the enum values and required fields of terraform-provider-auth0
 * (v1.53.0, wrapped by @pulumi/auth0 3.49.0; its resource schemas' StringInSlice / Required),
 * checked against every input every stack in the repository sends. The provider takes
 * Terraform's snake_case values, not the camelCase some Pulumi docs print.
 */
const ENUMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  "auth0:index/client:Client": {
    appType: ["native", "spa", "regular_web", "non_interactive", "resource_server"],
    organizationUsage: ["deny", "allow", "require"],
    organizationRequireBehavior: ["no_prompt", "pre_login_prompt", "post_login_prompt"],
    "refreshToken.rotationType": ["rotating", "non-rotating"],
    "refreshToken.expirationType": ["expiring", "non-expiring"],
    "jwtConfiguration.alg": ["HS256", "RS256", "PS256"],
  },
  "auth0:index/clientGrant:ClientGrant": { subjectType: ["client", "user"] },
  "auth0:index/clientCredentials:ClientCredentials": {
    authenticationMethod: ["none", "client_secret_post", "client_secret_basic", "private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth"],
  },
  "auth0:index/resourceServer:ResourceServer": {
    signingAlg: ["HS256", "RS256", "PS256"],
    tokenDialect: ["access_token", "access_token_authz", "rfc9068_profile", "rfc9068_profile_authz"],
    "subjectTypeAuthorization.user.policy": ["allow_all", "deny_all", "require_client_grant"],
    "subjectTypeAuthorization.client.policy": ["deny_all", "require_client_grant"],
    "proofOfPossession.mechanism": ["mtls", "dpop"],
  },
  "auth0:index/connection:Connection": {
    strategy: ["auth0", "google-oauth2", "github", "samlp", "oidc", "waad", "okta", "google-apps", "adfs", "pingfederate"],
    "options.passwordPolicy": ["none", "low", "fair", "good", "excellent"],
    "options.attributeMap.mappingMode": ["use_map", "bind_all", "basic_profile"],
  },
  "auth0:index/action:Action": { runtime: ["node12", "node16", "node18", "node22"] },
  "auth0:index/triggerActions:TriggerActions": {
    trigger: ["post-login", "credentials-exchange", "pre-user-registration", "post-user-registration", "post-change-password", "send-phone-message", "password-reset-post-challenge"],
  },
  "auth0:index/logStream:LogStream": {
    type: ["eventbridge", "eventgrid", "http", "datadog", "splunk", "sumo", "mixpanel", "segment"],
    "sink.httpContentFormat": ["JSONLINES", "JSONARRAY", "JSONOBJECT"],
    "sink.datadogRegion": ["us", "eu", "us3", "us5"],
  },
  "auth0:index/guardian:Guardian": {
    policy: ["all-applications", "confidence-score", "never"],
    "phone.provider": ["auth0", "twilio", "phone-message-hook"],
    "push.provider": ["guardian", "sns"],
  },
  "auth0:index/attackProtection:AttackProtection": {
    "bruteForceProtection.shields[]": ["block", "user_notification"],
    "bruteForceProtection.mode": ["count_per_identifier_and_ip", "count_per_identifier"],
    "breachedPasswordDetection.shields[]": ["block", "user_notification", "admin_notification"],
    "breachedPasswordDetection.method": ["standard", "enhanced"],
    "suspiciousIpThrottling.shields[]": ["block", "admin_notification"],
  },
  "auth0:index/customDomain:CustomDomain": { type: ["auth0_managed_certs", "self_managed_certs"] },
  "auth0:index/emailProvider:EmailProvider": { name: ["azure_cs", "custom", "mailgun", "mandrill", "ms365", "sendgrid", "ses", "smtp", "sparkpost"] },
  "auth0:index/emailTemplate:EmailTemplate": {
    template: [
      "verify_email", "verify_email_by_code", "reset_email", "reset_email_by_code", "welcome_email", "blocked_account",
      "stolen_credentials", "enrollment_email", "mfa_oob_code", "user_invitation", "change_password", "password_reset", "async_approval",
    ],
    syntax: ["liquid"],
  },
  "auth0:index/prompt:Prompt": { universalLoginExperience: ["new", "classic"] },
  "auth0:index/promptCustomText:PromptCustomText": { prompt: [...TEXT_PROMPTS] },
};

/** Inputs the provider requires, per type (a missing one fails `pulumi preview`). */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  "auth0:index/client:Client": ["name"],
  "auth0:index/clientGrant:ClientGrant": ["clientId", "audience", "scopes"],
  "auth0:index/resourceServer:ResourceServer": ["identifier"],
  "auth0:index/resourceServerScopes:ResourceServerScopes": ["resourceServerIdentifier", "scopes"],
  "auth0:index/connection:Connection": ["name", "strategy"],
  "auth0:index/connectionClients:ConnectionClients": ["connectionId", "enabledClients"],
  "auth0:index/organization:Organization": ["name"],
  "auth0:index/organizationConnections:OrganizationConnections": ["organizationId", "enabledConnections"],
  "auth0:index/action:Action": ["name", "code", "supportedTriggers.id", "supportedTriggers.version"],
  "auth0:index/triggerActions:TriggerActions": ["trigger", "actions"],
  "auth0:index/logStream:LogStream": ["name", "type", "sink"],
  "auth0:index/guardian:Guardian": ["policy"],
  "auth0:index/customDomain:CustomDomain": ["domain", "type"],
  "auth0:index/role:Role": ["name", "description"],
  "auth0:index/emailProvider:EmailProvider": ["name", "defaultFromAddress", "credentials"],
  "auth0:index/prompt:Prompt": ["identifierFirst", "universalLoginExperience", "webauthnPlatformFirstFactor"],
  "auth0:index/branding:Branding": ["colors", "faviconUrl", "logoUrl"],
  "auth0:index/promptCustomText:PromptCustomText": ["body", "language", "prompt"],
  "auth0:index/emailTemplate:EmailTemplate": ["template", "body", "from", "subject", "syntax", "enabled"],
  "auth0:index/rolePermissions:RolePermissions": ["roleId", "permissions"],
};

const ROOT = path.resolve(__dirname, "../..");
const STACK_FILES = [
  ...fs.readdirSync(ROOT).filter((f) => /^Pulumi\.[^.]+\.yaml$/.test(f)),
  ...fs.readdirSync(path.join(ROOT, "examples/orcheo")).filter((f) => /^Pulumi\.[^.]+\.yaml$/.test(f)).map((f) => `examples/orcheo/${f}`),
].sort();

let resources: PlannedResource[] = [];

beforeAll(async () => {
  for (const file of STACK_FILES) {
    const stack = path.basename(file).replace(/^Pulumi\.|\.yaml$/g, "");
    resources = resources.concat((await runPlan({ projectDir: ROOT, stack, configFile: path.join(ROOT, file) })).resources);
  }
}, 60_000);

/** Values at a dotted path; `name[]` spreads a list. */
function valuesAt(value: unknown, dotted: string): unknown[] {
  const [head, ...rest] = dotted.split(".");
  if (value === undefined || value === null || head === undefined) return [];
  const spread = head.endsWith("[]");
  const child = (value as Record<string, unknown>)[spread ? head.slice(0, -2) : head];
  const children = spread ? (Array.isArray(child) ? child : []) : [child];
  return rest.length === 0 ? children.filter((v) => v !== undefined) : children.flatMap((c) => valuesAt(c, rest.join(".")));
}

describe("every stack's inputs pass the Auth0 provider's schema", () => {
  it("plans every stack file and checks a good share of resources", () => {
    expect(STACK_FILES.length).toBeGreaterThanOrEqual(7);
    expect(resources.filter((r) => r.custom && r.type.startsWith("auth0:")).length).toBeGreaterThan(100);
  });

  it("uses only the enum values the provider accepts", () => {
    const rejected: string[] = [];
    const checked = new Set<string>();
    for (const resource of resources) {
      for (const [field, allowed] of Object.entries(ENUMS[resource.type] ?? {})) {
        for (const value of valuesAt(resource.inputs, field)) {
          checked.add(`${resource.type} ${field}`);
          if (!allowed.includes(value as string)) rejected.push(`${resource.name}.${field} = ${JSON.stringify(value)}`);
        }
      }
    }
    expect(rejected).toEqual([]);
    // Most of the table is exercised by some stack (the rest guards future stacks).
    expect(checked.size).toBeGreaterThanOrEqual(25);
  });

  it("sets every input the provider requires", () => {
    const missing: string[] = [];
    for (const resource of resources) {
      for (const field of REQUIRED[resource.type] ?? []) {
        if (valuesAt(resource.inputs, field).length === 0) missing.push(`${resource.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("sends a rotating refresh token only as an expiring one, and https webhook endpoints only", () => {
    for (const resource of resources) {
      if (resource.type === "auth0:index/client:Client" && valuesAt(resource.inputs, "refreshToken.rotationType")[0] === "rotating") {
        expect(valuesAt(resource.inputs, "refreshToken.expirationType")).toEqual(["expiring"]);
      }
      for (const endpoint of valuesAt(resource.inputs, "sink.httpEndpoint")) expect(endpoint).toMatch(/^https:\/\//);
    }
  });

  it("sends only inputs the provider's schema declares, where the reference schema is at hand", () => {
    const file = path.resolve(ROOT, "../shared/reference/provider-schemas/pulumi-auth0-3.49.0-schema.json.gz");
    if (!fs.existsSync(file)) return;
    const schema = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString("utf8")) as { resources: Record<string, { inputProperties: Record<string, unknown> }> };
    const unknown: string[] = [];
    for (const resource of resources) {
      const declared = schema.resources[resource.type]?.inputProperties;
      if (!resource.custom || declared === undefined) continue;
      for (const input of Object.keys(resource.inputs)) if (!(input in declared)) unknown.push(`${resource.type} ${resource.name}.${input}`);
    }
    expect(unknown).toEqual([]);
  });

  it("would catch a camelCase value such as the docs' regularWeb", () => {
    const fake = { type: "auth0:index/client:Client", inputs: { appType: "regularWeb" } };
    expect(valuesAt(fake.inputs, "appType").every((v) => ENUMS[fake.type]!.appType!.includes(v as string))).toBe(false);
  });
});
