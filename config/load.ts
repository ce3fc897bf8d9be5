import type { z } from "zod";
import { PROJECT_ROOT, projectFileReader, readActionSources, type SourceReader } from "./actionSources";
import { DEFAULT_GRANT_TYPES } from "./defaults";
import { type ConfigIssue, ConfigError, echo } from "./issues";
import { checkLocalStack } from "./localStack";
import { checkRawValue, withoutFollowOns } from "./rawValues";
import { closest } from "./suggest";
import { checkGuardrails } from "./guardrails";
import { locateInFiles, mergeOrganizationFiles, ORGANIZATION_FILES_KEY, type OrganizationFiles, readOrganizationFiles } from "./organizationFiles";
import { checkRules } from "./rules";
import { checkSecretRefs, collectSecretRefs } from "./secrets";
import { ACTION_TRIGGERS, actionsSchema, type ActionSecretSource } from "./schema/actions";
import { apisSchema } from "./schema/apis";
import { applicationsSchema } from "./schema/applications";
import { envFilesSchema, workspaceRootSchema } from "./schema/envFiles";
import { generatedSecretsSchema } from "./schema/generatedSecrets";
import { connectionsSchema, SOCIAL_DEFAULT_SCOPES } from "./schema/connections";
import { organizationFilesSchema } from "./schema/organizationFiles";
import { organizationsSchema } from "./schema/organizations";
import { attackProtectionSchema, resolveAttackProtection } from "./schema/attackProtection";
import { logStreamsSchema } from "./schema/logStreams";
import { mfaSchema } from "./schema/mfa";
import { readEmailBodies } from "./emailBodies";
import { type EmailTemplateName, emailSchema } from "./schema/email";
import { loginSchema } from "./schema/login";
import { rolloutSchema } from "./schema/rollout";
import { overridesSchema } from "./schema/overrides";
import { writtenDurations } from "./schema/common";
import { rolesSchema } from "./schema/roles";
import { environmentSchema, tenantSchema } from "./schema/tenant";
import {
  type ActionSpec,
  type ApiSpec,
  type ApplicationSpec,
  type ConnectionSpec,
  type EnvFileSpec,
  type EnvLine,
  type EmailSpec,
  type EmailTemplateSpec,
  type EnvValue,
  isProductionLike,
  type LogStreamSpec,
  type OrganizationSpec,
  type TenantSpec,
} from "./spec";
import { describeIssue, toConfigIssues } from "./zodIssues";

export const NAMESPACE = "auth0kit";

/** Stack configuration as Pulumi hands it to a program: every value a string, objects as JSON. */
export interface StackConfig {
  readonly values: Readonly<Record<string, string>>;
  /** Full keys (`auth0:clientSecret`) whose values were set with `--secret`. */
  readonly secretKeys: ReadonlySet<string>;
}

/** Keys of the `auth0kit:` namespace, with the schema each one is read with. */
export const KEY_SCHEMAS = {
  environment: environmentSchema,
  tenant: tenantSchema.default(tenantSchema.parse({})),
  apis: apisSchema,
  applications: applicationsSchema,
  generatedSecrets: generatedSecretsSchema,
  envFiles: envFilesSchema,
  workspaceRoot: workspaceRootSchema,
  connections: connectionsSchema,
  organizations: organizationsSchema,
  logStreams: logStreamsSchema,
  mfa: mfaSchema.optional(),
  attackProtection: attackProtectionSchema.optional(),
  actions: actionsSchema,
  roles: rolesSchema,
  email: emailSchema.optional(),
  login: loginSchema.optional(),
  rollout: rolloutSchema.optional(),
  overrides: overridesSchema,
  organizationFiles: organizationFilesSchema,
} as const;
type Known = { [K in keyof typeof KEY_SCHEMAS]: z.output<(typeof KEY_SCHEMAS)[K]> };

/** Provider keys that must never sit in a stack file in plain text. */
export const PROVIDER_SECRET_KEYS = ["auth0:clientSecret", "auth0:apiToken", "auth0:clientAssertionPrivateKey"];

/**
 * Builds the validated TenantSpec of a stack, or throws a ConfigError listing every problem.
 * `env` supplies the provider's AUTH0_* fallbacks (pass `process.env`); `readSource` reads Action
 * sources relative to the project root (defaults to the project this file belongs to).
 */
export function loadSpec(
  config: StackConfig,
  env: Readonly<Record<string, string | undefined>> = {},
  readSource: SourceReader = projectFileReader(PROJECT_ROOT),
): TenantSpec {
  const issues: ConfigIssue[] = [];
  const listing = config.values[ORGANIZATION_FILES_KEY];
  const files = readOrganizationFiles(listing === undefined ? undefined : parseConfigValue(listing), readSource);
  const { known: stackKeys, secretRefs, parsed } = readKnownKeys(config, issues, files.secretRefs);
  issues.push(...files.issues);
  const known = withOrganizationFiles(stackKeys, files, issues);
  if (known.environment === "local") issues.push(...checkLocalStack(NAMESPACE, parsed));
  issues.push(...checkProviderSecrets(config));
  const domain = resolveDomain(config, env, known.environment, issues);
  const sources = readActionSources(`${NAMESPACE}:actions`, known.actions ?? {}, readSource);
  issues.push(...sources.issues);
  const emailBodies = readEmailBodies(`${NAMESPACE}:email`, known.email, readSource);
  issues.push(...emailBodies.issues);
  if (issues.length > 0 || known.environment === undefined) {
    throw new ConfigError(uniqueIssues(issues));
  }
  const written = Object.assign({}, ...Object.entries(parsed).map(([name, value]) => writtenDurations(`${NAMESPACE}:${name}`, value)));
  const spec = { ...normalize(known as Known, domain, secretRefs, sources.codes, emailBodies.bodies), writtenDurations: written };
  const rules = checkRules(spec);
  const guardrails = checkGuardrails(spec, known.overrides ?? [], undefined, rules);
  // Problems of entries read from organization files are reported in those files.
  const ruleIssues = [...rules, ...guardrails.issues].map((issue) => locateInFiles(issue, files.origins));
  if (ruleIssues.length > 0) throw new ConfigError(ruleIssues);
  return { ...spec, overrides: guardrails.inForce };
}

function withOrganizationFiles(known: Partial<Known>, files: OrganizationFiles, issues: ConfigIssue[]): Partial<Known> {
  if (known.organizations === undefined || known.connections === undefined) return known;
  const { organizations, connections, issues: clashes } = mergeOrganizationFiles({ organizations: known.organizations, connections: known.connections }, files);
  issues.push(...clashes);
  return { ...known, organizations, connections };
}

/** `fileRefs`: the secret references of the organization files, which count as references too. */
function readKnownKeys(
  config: StackConfig,
  issues: ConfigIssue[],
  fileRefs: ReturnType<typeof collectSecretRefs> = [],
): { known: Partial<Known>; secretRefs: string[]; parsed: Record<string, unknown> } {
  const known: Record<string, unknown> = {};
  const parsed: Record<string, unknown> = {};
  const names = Object.keys(KEY_SCHEMAS);
  const refs = [...fileRefs];
  for (const [name, schema] of Object.entries(KEY_SCHEMAS)) {
    const fullKey = `${NAMESPACE}:${name}`;
    const text = config.values[fullKey];
    if (text === undefined && name === "environment") {
      issues.push({ path: fullKey, message: "required; set it to dev, stage, prod or local" });
      continue;
    }
    const value = text === undefined ? undefined : name === "environment" ? text : parseConfigValue(text);
    parsed[name] = value;
    refs.push(...collectSecretRefs(fullKey, value));
    const rootCauses = checkRawValue(fullKey, value);
    const result = (schema as z.ZodType).safeParse(value, { error: describeIssue });
    if (result.success && rootCauses.length === 0) known[name] = result.data;
    issues.push(...rootCauses, ...(result.success ? [] : withoutFollowOns(rootCauses, toConfigIssues(fullKey, result.error))));
  }
  issues.push(...checkSecretRefs(NAMESPACE, refs, config.values, config.secretKeys, names));
  const referenced = new Set(refs.map((ref) => `${NAMESPACE}:${ref.key}`));
  for (const fullKey of Object.keys(config.values).sort()) {
    const [namespace, name] = splitKey(fullKey);
    if (namespace !== NAMESPACE || Object.hasOwn(KEY_SCHEMAS, name) || referenced.has(fullKey) || config.secretKeys.has(fullKey)) continue;
    const match = closest(name, names);
    issues.push({
      path: fullKey,
      message:
        match === undefined
          ? `unknown key; remove it or fix the spelling (known keys: ${names.map((n) => `${NAMESPACE}:${n}`).join(", ")})`
          : `unknown key; did you mean "${NAMESPACE}:${match}"?`,
    });
  }
  return { known: known as Partial<Known>, secretRefs: [...new Set(refs.map((ref) => ref.key))].sort(), parsed };
}

/** Pulumi passes structured values as JSON text and plain strings as themselves. */
export function parseConfigValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function splitKey(fullKey: string): [string, string] {
  const colon = fullKey.indexOf(":");
  return colon < 0 ? ["", fullKey] : [fullKey.slice(0, colon), fullKey.slice(colon + 1)];
}

function checkProviderSecrets(config: StackConfig): ConfigIssue[] {
  return PROVIDER_SECRET_KEYS.filter((key) => config.values[key] !== undefined && !config.secretKeys.has(key)).map((key) => ({
    path: key,
    message: `is stored in plain text; remove it from the stack file and set it with: pulumi config set --secret ${key} <value>`,
  }));
}

export const DOMAIN_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
/** The local Management API emulator (`npm run emulator`) answers on a loopback address and port. */
export const EMULATOR_DOMAIN = /^(127\.0\.0\.1|localhost):[1-9][0-9]{0,4}$/;

function resolveDomain(
  config: StackConfig,
  env: Readonly<Record<string, string | undefined>>,
  environment: Known["environment"] | undefined,
  issues: ConfigIssue[],
): string {
  const domain = config.values["auth0:domain"] || env.AUTH0_DOMAIN;
  if (environment === "local") return domain || "localhost";
  if (domain === undefined || domain === "") {
    issues.push({ path: "auth0:domain", message: "required; set the tenant's domain with: pulumi config set auth0:domain <tenant>.<region>.auth0.com (or export AUTH0_DOMAIN)" });
    return "";
  }
  if (EMULATOR_DOMAIN.test(domain)) {
    if (environment === "prod") {
      issues.push({ path: "auth0:domain", message: `${echo(domain)} is a local emulator's address; a prod stack deploys to its Auth0 tenant, e.g. alphaswarm.us.auth0.com` });
    }
    return domain;
  }
  if (!DOMAIN_PATTERN.test(domain)) {
    issues.push({ path: "auth0:domain", message: `${echo(domain)} is not a domain; write the host only, e.g. alphaswarm-dev.us.auth0.com` });
  }
  return domain;
}

function uniqueIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const line = `${issue.path}: ${issue.message}`;
    return seen.has(line) ? false : (seen.add(line), true);
  });
}

function normalize(
  known: Known,
  domain: string,
  secretRefs: readonly string[],
  codes: Readonly<Record<string, string>>,
  emailBodies: Readonly<Record<string, string>>,
): TenantSpec {
  const apis: Record<string, ApiSpec> = {};
  for (const key of Object.keys(known.apis).sort()) {
    const api = known.apis[key]!;
    apis[key] = { ...api, key, name: api.name ?? key };
  }
  const applications: Record<string, ApplicationSpec> = {};
  for (const key of Object.keys(known.applications).sort()) {
    const app = known.applications[key]!;
    applications[key] = {
      ...app,
      key,
      name: app.name ?? key,
      grantTypes: app.grantTypes ?? DEFAULT_GRANT_TYPES[app.type],
    };
  }
  const connections: Record<string, ConnectionSpec> = {};
  for (const key of Object.keys(known.connections).sort()) {
    const connection = known.connections[key]!;
    connections[key] =
      connection.kind === "social"
        ? { ...connection, key, name: connection.name ?? key, scopes: connection.scopes ?? [...SOCIAL_DEFAULT_SCOPES[connection.strategy]] }
        : { ...connection, key, name: connection.name ?? key };
  }
  const organizations: Record<string, OrganizationSpec> = {};
  for (const key of Object.keys(known.organizations).sort()) {
    const organization = known.organizations[key]!;
    organizations[key] = { ...organization, key, name: organization.name ?? key };
  }
  const logStreams: Record<string, LogStreamSpec> = {};
  for (const key of Object.keys(known.logStreams).sort()) {
    const stream = known.logStreams[key]!;
    logStreams[key] = { ...stream, key, name: stream.name ?? key };
  }
  const actions: Record<string, ActionSpec> = {};
  for (const key of Object.keys(known.actions).sort()) {
    const action = known.actions[key]!;
    const name = action.name ?? key;
    const profile = action.tokenExchangeProfile && { ...action.tokenExchangeProfile, name: action.tokenExchangeProfile.name ?? name };
    actions[key] = {
      ...action,
      key,
      name,
      code: codes[key]!,
      secrets: { ...defaultActionSecrets(known.environment, action.trigger, profile, apis), ...action.secrets },
      tokenExchangeProfile: profile,
    };
  }
  return {
    environment: known.environment,
    domain,
    secretRefs,
    tenant: known.tenant,
    apis,
    applications,
    connections,
    organizations,
    generatedSecrets: sortedByKey(known.generatedSecrets),
    envFiles: Object.fromEntries(Object.entries(sortedByKey(known.envFiles)).map(([key, file]) => [key, envFileSpec(key, file)])),
    workspaceRoot: known.workspaceRoot,
    logStreams,
    mfa: known.mfa,
    attackProtection: resolveAttackProtection(known.attackProtection, isProductionLike(known.environment)),
    actions,
    roles: Object.fromEntries(Object.entries(sortedByKey(known.roles)).map(([key, role]) => [key, { ...role, key, name: role.name ?? key }])),
    email: known.email && emailSpec(known.email, emailBodies),
    login: known.login,
    rollout: known.rollout,
    overrides: [],
  };
}

/** Each template with its sender resolved and its body's text beside the file it came from. */
function emailSpec(email: Known["email"] & object, bodies: Readonly<Record<string, string>>): EmailSpec {
  const templates: Record<string, EmailTemplateSpec> = {};
  for (const name of Object.keys(email.templates).sort() as EmailTemplateName[]) {
    const template = email.templates[name]!;
    templates[name] = { ...template, name, from: template.from ?? email.from, bodyFile: template.body, body: bodies[name]! };
  }
  return { ...email, templates };
}

function sortedByKey<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]!]));
}

function envFileSpec(key: string, file: Known["envFiles"][string]): EnvFileSpec {
  const lines: EnvLine[] = file.vars.map((entry) => {
    const [name, value] = Object.entries(entry)[0]!;
    if (name === "comment" && typeof value === "string") return { comment: value };
    return { name, value: typeof value === "string" ? { literal: value } : (value as EnvValue) };
  });
  return { key, kind: file.kind, path: file.path, lines };
}

/**
 * Secrets every Action gets unless its config sets them: FAIL_CLOSED ("true" in stage and prod, so
 * a backend failure blocks the login there) for Actions run inside a flow, and the profile's
 * subject token type and the identifiers of its audiences (DELEGATION_AUDIENCES) for a
 * custom-token-exchange Action.
 */
function defaultActionSecrets(
  environment: Known["environment"],
  trigger: keyof typeof ACTION_TRIGGERS,
  profile: { readonly subjectTokenType: string; readonly audiences?: readonly string[] } | undefined,
  apis: Readonly<Record<string, ApiSpec>>,
): Record<string, ActionSecretSource> {
  if (ACTION_TRIGGERS[trigger].bound === "profile") {
    if (profile === undefined) return {};
    // Identifiers are plain config, so they travel as a literal (an unknown key is a rule's error).
    const audiences = (profile.audiences ?? []).filter((key) => Object.hasOwn(apis, key)).map((key) => apis[key]!.identifier);
    return {
      SUBJECT_TOKEN_TYPE: { value: profile.subjectTokenType },
      ...(audiences.length > 0 && { DELEGATION_AUDIENCES: { value: [...new Set(audiences)].sort().join(",") } }),
    };
  }
  return { FAIL_CLOSED: { value: isProductionLike(environment) ? "true" : "false" } };
}
