import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { duration } from "../../config/schema/common";
import { type JsonSchema, jsonSchemaOf, SCHEMA_FILE } from "../../reference/stackSchema";
import { ROOT } from "../stackFiles";

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, SCHEMA_FILE), "utf8")) as object;
// The email pattern zod writes beside `format: email` is what checks addresses; strict mode
// otherwise stays on, so a keyword the editors would not understand fails here.
const validate = new Ajv({ strict: true, allowUnionTypes: true, formats: { email: true } }).compile(schema);

function errorsOf(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`);
}

const SKIP = new Set(["node_modules", ".git", "out", "bin"]);
const BAD_STACKS = path.join("test", "fixtures", "bad-stacks");

/** Every stack file in the repository (not the bad-input corpus), wherever it lives. */
function stackFiles(dir = ""): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) || entry.name.startsWith(".") || relative === BAD_STACKS ? [] : stackFiles(relative);
    return /^Pulumi\.[^.]+\.yaml$/.test(entry.name) ? [relative] : [];
  });
}

const readYaml = (file: string) => parseDocument(fs.readFileSync(path.join(ROOT, file), "utf8"), { uniqueKeys: true });

describe("every stack file in the repository", () => {
  const files = stackFiles();

  it("is found: the root stacks and the examples'", () => {
    expect(files).toEqual(expect.arrayContaining(["Pulumi.dev.yaml", "Pulumi.prod.yaml", path.join("examples", "orcheo", "Pulumi.prod.yaml")]));
  });

  it.each(files)("%s starts with the yaml-language-server modeline pointing at the schema", (file) => {
    const first = fs.readFileSync(path.join(ROOT, file), "utf8").split("\n")[0]!;
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, first).not.toBeNull();
    expect(path.resolve(ROOT, path.dirname(file), match![1]!)).toBe(path.join(ROOT, SCHEMA_FILE));
  });

  it.each(files)("%s validates against the JSON Schema", (file) => {
    expect(errorsOf(readYaml(file).toJS())).toEqual([]);
  });
});

/**
 * The bad-input corpus, sorted by who refuses each case. Shape errors — a wrong type, an unknown
 * key, a value outside its pattern or enum, a secret in plain text — are refused by the JSON
 * Schema too, so an editor underlines them as the plan would. YAML syntax errors are the editor's
 * YAML parser's. The rest are semantic: only the plan's rules can see them.
 */
const SHAPE_CASES = [
  "top-level-list",
  "wrong-type-string-for-number",
  "wrong-type-list-for-map",
  "unknown-top-level-key", // auth0kit:application: an auth0kit key the schema does not know must be a secure value
  "unknown-nested-key",
  "non-duration-lifetime",
  "provider-secret-plain",
  "referenced-secret-plain",
  "secret-pasted-inline",
  "bad-environment-name",
  "malformed-permission-name",
  "wrong-type-boolean-yes",
  "email-unknown-template", // the templates map's keys are Auth0's template names
  "proto-key", // YAML's __proto__ key reaches the JSON Schema as an entry that is not an object
];

const SYNTAX_CASES = ["yaml-bad-indent", "yaml-duplicate-key", "yaml-tab", "yaml-unclosed-quote"];

/** Why the JSON Schema accepts each semantic case: what it would need to see that it cannot. */
const SEMANTIC_CASES: Record<string, string> = {
  "grant-unknown-api": "references another key of the same file",
  "grant-undefined-permission": "references another key of the same file",
  "connection-unknown-application": "references another key of the same file",
  "organization-unknown-connection": "references another key of the same file",
  "envfile-unknown-application": "references another key of the same file",
  "envfile-unknown-api": "references another key of the same file",
  "envfile-unknown-organization": "references another key of the same file",
  "envfile-unknown-log-stream": "references another key of the same file",
  "envfile-unknown-generated-secret": "references another key of the same file",
  "prod-http-callback": "a guardrail of the environment, which an override may lift",
  "prod-localhost": "a guardrail of the environment, which an override may lift",
  "prod-wildcard": "a guardrail of the environment, which an override may lift",
  "prod-rbac-off": "a guardrail of the environment, which an override may lift",
  "prod-mfa-never": "a guardrail of the environment, which an override may lift",
  "prod-no-mfa": "a guardrail of the environment, which an override may lift",
  "prod-no-log-stream": "a guardrail of the environment, which an override may lift",
  "prod-attack-protection-off": "a guardrail of the environment, which an override may lift",
  "prod-spa-no-rotation": "a guardrail of the environment, which an override may lift",
  "prod-social-developer-keys": "a guardrail of the environment, which an override may lift",
  "prod-all-permissions-grant": "a guardrail of the environment, which an override may lift",
  "prod-stale-override": "whether an override covers a finding needs the guardrails' findings",
  "api-token-lifetime-over-30d": "a bound on a duration's value in seconds, whatever its unit",
  "web-lifetime-over-token-lifetime": "compares two fields' durations",
  "refresh-idle-over-absolute": "compares two fields' durations",
  "session-idle-over-absolute": "compares two fields' durations",
  "frontend-client-secret": "depends on the file's kind and on what the reference resolves to",
  "dev-missing-domain": "the domain may come from AUTH0_DOMAIN instead, and local stacks need none",
  "duplicate-permission-case": "compares map keys without case",
  "spa-client-credentials": "which grant types are allowed depends on the application's type",
  "m2m-device-code": "which grant types are allowed depends on the application's type",
  "api-name-too-long": "Auth0's length bounds are refinements (config/bounds.ts), which the JSON Schema does not carry",
  "constructor-key": "the loader refuses JavaScript's special keys before any schema runs (config/rawValues.ts)",
  "control-character-in-callback": "the loader refuses control characters in every text before any schema runs (config/rawValues.ts)",
  "dev-keys-behind-custom-domain": "depends on tenant.customDomain, another key of the same file",
  "duplicate-application-name": "compares names across the entries of a map",
  "durations-in-written-units": "compares two fields' durations",
  "envfile-path-escapes": "depends on auth0kit:workspaceRoot, another key of the same file",
  "literal-audience-mismatch": "compares a literal with what a reference resolves to",
  "local-declares-apis": "depends on auth0kit:environment, another key of the same file",
  "login-biometrics-without-factor": "references another key of the same file",
  "login-identifier-first-off": "depends on the enterprise connections' domainAliases",
  "management-scope-misspelt": "the Management API's scope list is a refinement, with a did-you-mean the JSON Schema cannot give",
  "prod-no-email-provider": "a guardrail of the environment, which an override may lift",
  "role-undefined-permission": "references another key of the same file",
  "role-unknown-api": "references another key of the same file",
  "envfile-enforcement-unstaged": "references another key of the same file",
  "delegation-audience-unknown-api": "references another key of the same file",
  "prod-permissive-enforcement": "a guardrail of the environment, which an override may lift",
  "prod-enterprise-without-organization": "a guardrail of the environment, which an override may lift",
};

describe("the bad-input corpus against the JSON Schema (the editor and the plan agree)", () => {
  const corpus = fs.readdirSync(path.join(ROOT, BAD_STACKS)).map((file) => file.replace(/^Pulumi\.(.+)\.yaml$/, "$1"));
  const fileOf = (name: string) => path.join(BAD_STACKS, `Pulumi.${name}.yaml`);

  it("sorts every case into exactly one of shape, syntax or semantic", () => {
    const sorted = [...SHAPE_CASES, ...SYNTAX_CASES, ...Object.keys(SEMANTIC_CASES)];
    expect(new Set(sorted).size).toBe(sorted.length);
    expect(sorted.sort()).toEqual(corpus.sort());
  });

  it.each(SHAPE_CASES)("refuses the shape error %s", (name) => {
    expect(errorsOf(readYaml(fileOf(name)).toJS())).not.toEqual([]);
  });

  it.each(SYNTAX_CASES)("leaves %s to the YAML parser, which refuses it", (name) => {
    expect(readYaml(fileOf(name)).errors).not.toEqual([]);
  });

  it.each(Object.entries(SEMANTIC_CASES))("accepts the semantic case %s: %s", (name) => {
    expect(errorsOf(readYaml(fileOf(name)).toJS())).toEqual([]);
  });
});

describe("what the JSON Schema accepts where the program reads a value its own way", () => {
  const stack = (config: Record<string, unknown>) => ({ config: { "auth0kit:environment": "dev", ...config } });
  const mfa = (factors: Record<string, unknown>) => stack({ "auth0kit:mfa": { policy: "all-applications", factors } });

  it("takes a factor written as true or as its settings, as the program does", () => {
    expect(errorsOf(mfa({ webauthnRoaming: true, recoveryCodes: true }))).toEqual([]);
    expect(errorsOf(mfa({ webauthnRoaming: { userVerification: "required" } }))).toEqual([]);
    expect(errorsOf(mfa({ webauthnRoaming: { userVerification: "always" } }))).not.toEqual([]);
  });

  it("takes a duration as positive seconds or a number with s, m, h or d", () => {
    const api = (tokenLifetime: unknown) => stack({ "auth0kit:apis": { core: { identifier: "https://api.example.com/", tokenLifetime } } });
    for (const good of [900, "15m", "24h", "30d", "3600s"]) expect(errorsOf(api(good)), String(good)).toEqual([]);
    for (const bad of [0, 1.5, "0m", "ten minutes", "15"]) expect(errorsOf(api(bad)), String(bad)).not.toEqual([]);
  });

  it("takes an env variable as a literal, a secret reference or a reference, one per list item", () => {
    const vars = (items: unknown[]) => stack({ "auth0kit:envFiles": { backend: { kind: "backend", path: "backend/.env", vars: items } } });
    expect(errorsOf(vars([{ A: "text" }, { B: 3 }, { C: { secret: "aKey" } }, { D: { ref: "apiIdentifier", api: "core" } }]))).toEqual([]);
    expect(errorsOf(vars([{ A: { ref: "nothing" } }]))).not.toEqual([]);
    expect(errorsOf(vars([{ A: "a", B: "b" }]))).not.toEqual([]);
  });

  it("takes Twilio SIDs in either case, as the program's patterns do", () => {
    const twilio = { sid: `AC${"ab".repeat(16)}`, authToken: { secret: "twilioAuthToken" }, from: "+15551234567" };
    expect(errorsOf(mfa({ phone: { provider: { twilio } }, recoveryCodes: true }))).toEqual([]);
    expect(errorsOf(mfa({ phone: { provider: { twilio: { ...twilio, sid: `ac${"AB".repeat(16)}` } } } }))).toEqual([]);
  });

  it("takes secret config keys only as secure values, other namespaces' keys freely, and no key without a namespace", () => {
    expect(errorsOf(stack({ "auth0kit:googleClientSecret": { secure: "v1:abc" }, "aws:region": "eu-west-1", "auth0:debug": true }))).toEqual([]);
    expect(errorsOf(stack({ "auth0kit:googleClientSecret": "plain" }))).not.toEqual([]);
    expect(errorsOf(stack({ "auth0:clientSecret": "plain" }))).not.toEqual([]);
    expect(errorsOf(stack({ tenant: {} }))).not.toEqual([]);
    expect(errorsOf({ config: {} })).not.toEqual([]);
  });
});

describe("jsonSchemaOf", () => {
  it("refuses a pattern with flags, which JSON Schema cannot carry", () => {
    expect(() => jsonSchemaOf(z.string().regex(/^ac$/i))).toThrow(
      "pattern /^ac$/i has flags, which JSON Schema cannot carry; spell the cases out instead, e.g. [A-Za-z]",
    );
  });

  it("shows a value's written form, and keeps the description a field adds to it", () => {
    const written = { title: "duration", anyOf: [{ type: "integer", minimum: 1 }, { type: "string", pattern: "^\\s*0*[1-9][0-9]*[smhd]\\s*$" }] };
    expect(jsonSchemaOf(z.strictObject({ a: duration.describe("How long.") })).properties).toEqual({ a: { ...written, description: "How long." } });
  });

  it("keeps a default that zod leaves out of a transformed value when the default is also valid input", () => {
    const seconds = z.union([z.number(), z.string()]).transform(Number);
    expect(jsonSchemaOf(z.strictObject({ a: seconds.default(60) }))).toMatchObject({ properties: { a: { default: 60 } } });
  });
});

/** Config paths of fields without a description: every field has one, except a constant whose object says what it is. */
function undescribed(node: JsonSchema, path: string): string[] {
  const found: string[] = [];
  for (const [name, field] of Object.entries((node.properties as Record<string, JsonSchema> | undefined) ?? {})) {
    const fieldPath = path === "" ? name : `${path}.${name}`;
    if (typeof field.description !== "string" && !(field.const !== undefined && typeof node.description === "string")) found.push(fieldPath);
    found.push(...undescribed(field, fieldPath));
  }
  for (const option of [...((node.anyOf as JsonSchema[] | undefined) ?? []), ...((node.oneOf as JsonSchema[] | undefined) ?? [])]) found.push(...undescribed(option, path));
  if (typeof node.items === "object") found.push(...undescribed(node.items as JsonSchema, `${path}[]`));
  if (typeof node.additionalProperties === "object") found.push(...undescribed(node.additionalProperties as JsonSchema, `${path}.<key>`));
  return found;
}

describe("descriptions", () => {
  it("describe every key and field, for the editor's hover and the reference (add one with .describe() beside a new field)", () => {
    expect(undescribed((schema as { properties: { config: JsonSchema } }).properties.config, "")).toEqual([]);
  });

  it("finds a field without one", () => {
    expect(undescribed(jsonSchemaOf(z.strictObject({ a: z.strictObject({ b: z.string() }).describe("A.") })), "")).toEqual(["a.b"]);
  });
});
