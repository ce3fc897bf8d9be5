import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { TEXT_PROMPTS } from "../../config/schema/login";
import type { PlannedResource } from "../../plan/mockRuntime";
import { planMany } from "../planHarness";
import { ROOT, STACK_FILES } from "../stackFiles";

/**
 * What the real engine checks before it creates anything, held against every input of every
 * resource every stack in the repository plans:
 *
 * 1. The Pulumi schemas the provider plugins serve (../shared/reference/provider-schemas/:
 *    auth0 3.49.0, random 4.21.1): each input exists on its resource (recursively through the
 *    nested types), has the schema's type, required inputs are present, and no input carries a
 *    `deprecationMessage` (the engine prints a warning for each on every preview).
 * 2. What the schema states only in prose, enforced by terraform-provider-auth0 v1.53.0's
 *    validators (`internal/auth0/<resource>/resource.go`: `validation.StringInSlice`), which the
 *    plugin runs: the enum values below, in the provider's snake_case (not the camelCase some
 *    Pulumi docs print), and the cross-field rules at the end.
 */

/** A property or type as the Pulumi package schema writes it. */
interface SchemaSpec {
  readonly type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  readonly $ref?: string;
  readonly items?: SchemaSpec;
  readonly additionalProperties?: SchemaSpec;
  readonly properties?: Readonly<Record<string, SchemaSpec>>;
  readonly required?: readonly string[];
  readonly deprecationMessage?: string;
}
interface PackageSchema {
  readonly resources: Readonly<Record<string, { inputProperties?: Record<string, SchemaSpec>; requiredInputs?: string[]; deprecationMessage?: string }>>;
  readonly types: Readonly<Record<string, SchemaSpec>>;
}

const SCHEMA_DIR = path.resolve(ROOT, "../shared/reference/provider-schemas");
const readSchema = (file: string) => JSON.parse(gunzipSync(fs.readFileSync(path.join(SCHEMA_DIR, file))).toString("utf8")) as PackageSchema;
const SCHEMAS: Readonly<Record<string, PackageSchema>> = {
  auth0: readSchema("pulumi-auth0-3.49.0-schema.json.gz"),
  random: readSchema("pulumi-random-4.21.1-schema.json.gz"),
};

/** Shown for secret inputs in the plan: their shape cannot be checked, only their presence. */
const SECRET = "[secret]";

interface Findings {
  readonly problems: string[];
  readonly deprecated: string[];
}

/** Checks one planned resource's inputs against its provider's schema. */
function checkResource(resource: Pick<PlannedResource, "type" | "name" | "inputs">, findings: Findings): void {
  const schema = SCHEMAS[resource.type.split(":")[0]!];
  const spec = schema?.resources[resource.type];
  if (schema === undefined || spec === undefined) {
    findings.problems.push(`${resource.name}: ${resource.type} is not a resource of the provider's schema`);
    return;
  }
  if (spec.deprecationMessage) findings.deprecated.push(`${resource.name}: ${resource.type} is deprecated`);
  checkObject(schema, { properties: spec.inputProperties ?? {}, required: spec.requiredInputs ?? [] }, resource.inputs, resource.name, findings);
}

function checkObject(schema: PackageSchema, spec: SchemaSpec, value: unknown, at: string, findings: Findings): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    findings.problems.push(`${at}: expected an object, got ${JSON.stringify(value)}`);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const name of spec.required ?? []) {
    if (record[name] === undefined) findings.problems.push(`${at}.${name}: required by the provider, missing`);
  }
  for (const [name, item] of Object.entries(record)) {
    const property = spec.properties?.[name];
    if (property === undefined) {
      findings.problems.push(`${at}.${name}: not an input of the provider's schema`);
      continue;
    }
    if (property.deprecationMessage) findings.deprecated.push(`${at}.${name}: ${asTheEngineShows(property.deprecationMessage)}`);
    checkValue(schema, property, item, `${at}.${name}`, findings);
  }
}

/** The schema marks up names per language; the engine's warning shows the Node.js one. */
function asTheEngineShows(message: string): string {
  return message.replace(/\s*<span[^>]*>(.*?)<\/span>/g, " $1").trim();
}

function checkValue(schema: PackageSchema, spec: SchemaSpec, value: unknown, at: string, findings: Findings): void {
  if (value === SECRET || value === undefined) return;
  if (spec.$ref !== undefined) {
    if (spec.$ref === "pulumi.json#/Any") return;
    const type = spec.$ref.startsWith("#/types/") ? schema.types[spec.$ref.slice("#/types/".length)] : undefined;
    if (type === undefined) findings.problems.push(`${at}: the schema has no type ${spec.$ref}`);
    else checkValue(schema, type, value, at, findings);
    return;
  }
  const fail = (expected: string): void => void findings.problems.push(`${at}: expected ${expected}, got ${JSON.stringify(value)}`);
  switch (spec.type) {
    case "string":
      if (typeof value !== "string") fail("a string");
      return;
    case "boolean":
      if (typeof value !== "boolean") fail("true or false");
      return;
    case "integer":
      if (!Number.isInteger(value)) fail("an integer");
      return;
    case "number":
      if (typeof value !== "number") fail("a number");
      return;
    case "array":
      if (!Array.isArray(value)) fail("a list");
      else value.forEach((item, index) => spec.items && checkValue(schema, spec.items, item, `${at}[${index}]`, findings));
      return;
    case "object":
      if (spec.properties !== undefined) return checkObject(schema, spec, value, at, findings);
      if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("a map");
      for (const [key, item] of Object.entries(value)) if (spec.additionalProperties) checkValue(schema, spec.additionalProperties, item, `${at}.${key}`, findings);
      return;
    default:
      findings.problems.push(`${at}: the schema gives no type`);
  }
}

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

let resources: PlannedResource[] = [];

beforeAll(async () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-schema-"));
  const runs = await planMany(STACK_FILES.map((file, i) => ["--config", path.join(ROOT, file), "--json", "--out", path.join(scratch, String(i))]));
  fs.rmSync(scratch, { recursive: true, force: true });
  runs.forEach((run, i) => {
    if (run.status !== 0) throw new Error(`the plan of ${STACK_FILES[i]} failed: ${run.stderr}`);
    resources = resources.concat((JSON.parse(run.stdout) as { resources: PlannedResource[] }).resources);
  });
}, 120_000);

/** Values at a dotted path; `name[]` spreads a list. */
function valuesAt(value: unknown, dotted: string): unknown[] {
  const [head, ...rest] = dotted.split(".");
  if (value === undefined || value === null || head === undefined) return [];
  const spread = head.endsWith("[]");
  const child = (value as Record<string, unknown>)[spread ? head.slice(0, -2) : head];
  const children = spread ? (Array.isArray(child) ? child : []) : [child];
  return rest.length === 0 ? children.filter((v) => v !== undefined) : children.flatMap((c) => valuesAt(c, rest.join(".")));
}

/** The providers' resources; auth0kit's own components have no provider schema. */
const custom = () => resources.filter((r) => !r.type.startsWith("auth0kit:"));

describe("every stack's inputs against the real provider's schema", () => {
  it("plans every stack file and checks every provider resource of each", () => {
    expect(STACK_FILES.length).toBeGreaterThanOrEqual(7);
    expect(custom().filter((r) => r.type.startsWith("auth0:")).length).toBeGreaterThan(100);
  });

  it("sends only inputs the provider's schema has, of the schema's types, with every required one", () => {
    const findings: Findings = { problems: [], deprecated: [] };
    for (const resource of custom()) checkResource(resource, findings);
    expect(findings.problems).toEqual([]);
  });

  it("uses no deprecated property, so a preview prints no deprecation warning", () => {
    const findings: Findings = { problems: [], deprecated: [] };
    for (const resource of custom()) checkResource(resource, findings);
    expect(findings.deprecated).toEqual([]);
  });

  it("finds what the real engine refused or warned about: an unknown input, a wrong type, a missing required input, a deprecated property", () => {
    const findings: Findings = { problems: [], deprecated: [] };
    checkResource({ type: "auth0:index/client:Client", name: "app", inputs: { name: "App", callbacks: "https://x", appTypo: "spa", refreshToken: { rotationType: "rotating" } } }, findings);
    checkResource({ type: "auth0:index/guardian:Guardian", name: "mfa", inputs: { policy: "never", phone: { enabled: true, provider: "auth0", messageTypes: ["sms"] } } }, findings);
    checkResource({ type: "auth0:index/nothing:Nothing", name: "x", inputs: {} }, findings);
    expect(findings.problems).toEqual([
      'app.callbacks: expected a list, got "https://x"',
      "app.appTypo: not an input of the provider's schema",
      "app.refreshToken.expirationType: required by the provider, missing",
      "x: auth0:index/nothing:Nothing is not a resource of the provider's schema",
    ]);
    expect(findings.deprecated).toEqual([
      "mfa.phone.provider: This field is deprecated in favor of the Unified Phone Experience. Use `auth0.PhoneProvider` resource instead. See the migration guide: https://auth0.com/docs/customize/phone-messages/unified-phone/migrate-to-unified-phone-experience-with-terraform.",
    ]);
  });

  it("uses only the enum values the provider's validators accept", () => {
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

  it("sends a rotating refresh token only as an expiring one, and https webhook endpoints only", () => {
    for (const resource of resources) {
      if (resource.type === "auth0:index/client:Client" && valuesAt(resource.inputs, "refreshToken.rotationType")[0] === "rotating") {
        expect(valuesAt(resource.inputs, "refreshToken.expirationType")).toEqual(["expiring"]);
      }
      for (const endpoint of valuesAt(resource.inputs, "sink.httpEndpoint")) expect(endpoint).toMatch(/^https:\/\//);
    }
  });

  it("would catch a camelCase value such as the docs' regularWeb", () => {
    const fake = { type: "auth0:index/client:Client", inputs: { appType: "regularWeb" } };
    expect(valuesAt(fake.inputs, "appType").every((v) => ENUMS[fake.type]!.appType!.includes(v as string))).toBe(false);
  });
});
