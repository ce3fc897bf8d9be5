import { type ConfigIssue, configPath, echo } from "../issues";
import { type ValueSite, type ValueSource, valueSites } from "../references";
import { GRANT_TYPES } from "../schema/applications";
import type { ApplicationSpec, TenantSpec } from "../spec";

/** What a reference can name, and how messages speak of it. */
interface Target {
  /** The reference's field that holds the key, in the env-file spelling. */
  readonly field: string;
  readonly one: string;
  readonly many: string;
  /** Where such entries are defined. */
  readonly root: string;
  readonly keys: (spec: TenantSpec) => Readonly<Record<string, unknown>>;
}

const TARGETS = {
  api: { field: "api", one: "API", many: "APIs", root: "auth0kit:apis", keys: (spec) => spec.apis },
  application: { field: "application", one: "application", many: "applications", root: "auth0kit:applications", keys: (spec) => spec.applications },
  organization: { field: "organization", one: "organization", many: "organizations", root: "auth0kit:organizations", keys: (spec) => spec.organizations },
  role: { field: "role", one: "role", many: "roles", root: "auth0kit:roles", keys: (spec) => spec.roles },
  logStream: { field: "logStream", one: "log stream", many: "log streams", root: "auth0kit:logStreams", keys: (spec) => spec.logStreams },
  generatedSecret: { field: "name", one: "generated secret", many: "generated secrets", root: "auth0kit:generatedSecrets", keys: (spec) => spec.generatedSecrets },
} as const satisfies Record<string, Target>;

/** Something a reference names that the stack lacks. */
type Problem =
  | { readonly kind: "unknown"; readonly target: Target; readonly key: string; readonly defined: readonly string[] }
  | { readonly kind: "publicClient"; readonly target: Target; readonly app: ApplicationSpec }
  | { readonly kind: "notWebhook"; readonly target: Target; readonly key: string; readonly type: string }
  | { readonly kind: "noCustomDomain" }
  | { readonly kind: "noEnforcement" };

/** The entries a reference names, by target. */
function named(source: ValueSource): [Target, string][] {
  if (!("ref" in source)) return [];
  const found: [Target, string][] = [];
  if ("api" in source) found.push([TARGETS.api, source.api]);
  if ("application" in source) found.push([TARGETS.application, source.application]);
  if (source.ref === "organizationId") found.push([TARGETS.organization, source.organization]);
  if (source.ref === "roleId") found.push([TARGETS.role, source.role]);
  if (source.ref === "logStreamSecret") found.push([TARGETS.logStream, source.logStream]);
  if (source.ref === "generatedSecret") found.push([TARGETS.generatedSecret, source.name]);
  return found;
}

function problemsOf(spec: TenantSpec, source: ValueSource): Problem[] {
  if (!("ref" in source)) return [];
  const problems: Problem[] = [];
  for (const [target, key] of named(source)) {
    const entries = target.keys(spec);
    if (!Object.hasOwn(entries, key)) problems.push({ kind: "unknown", target, key, defined: Object.keys(entries) });
  }
  if (source.ref === "clientSecret") {
    const app = Object.hasOwn(spec.applications, source.application) ? spec.applications[source.application] : undefined;
    if (app !== undefined && !app.grantTypes.includes(GRANT_TYPES.clientCredentials)) problems.push({ kind: "publicClient", target: TARGETS.application, app });
  }
  if (source.ref === "logStreamSecret") {
    const stream = Object.hasOwn(spec.logStreams, source.logStream) ? spec.logStreams[source.logStream] : undefined;
    if (stream !== undefined && stream.type !== "webhook") problems.push({ kind: "notWebhook", target: TARGETS.logStream, key: source.logStream, type: stream.type });
  }
  if (source.ref === "customDomain" && spec.tenant.customDomain === undefined) problems.push({ kind: "noCustomDomain" });
  if (source.ref === "enforcement" && spec.rollout === undefined) problems.push({ kind: "noEnforcement" });
  return problems;
}

/**
 * The same problem, said in the words of the spelling the user wrote: an env variable's message
 * points at the reference's field, an Action secret's at the secret.
 */
function issueOf(site: ValueSite, problem: Problem): ConfigIssue {
  if (problem.kind === "noEnforcement") {
    return { path: site.path, message: "the stack stages no rollout; set auth0kit:rollout.enforcement (permissive or strict) or write the value here" };
  }
  if (problem.kind === "noCustomDomain") {
    return { path: site.path, message: "the stack has no custom domain; set auth0kit:tenant.customDomain or use { ref: domain }" };
  }
  const action = site.spelling === "actionSecret";
  const path = action ? site.path : configPath(site.path, problem.target.field);
  switch (problem.kind) {
    case "unknown": {
      const { one, many, root } = problem.target;
      if (action) return { path, message: `${one} ${echo(problem.key)} is not defined; define it under ${root} or fix the key (defined: ${problem.defined.join(", ") || "none"})` };
      const known = problem.defined.length > 0 ? `defined ${many}: ${problem.defined.join(", ")}` : `no ${many} are defined`;
      const hint = problem.target === TARGETS.generatedSecret ? ` (add it under ${root})` : "";
      return { path, message: `unknown ${one} ${echo(problem.key)}; ${known}${hint}` };
    }
    case "publicClient":
      return action
        ? { path, message: `application "${problem.app.key}" has no client secret (it does not use ${GRANT_TYPES.clientCredentials}); use an m2m application` }
        : { path, message: `"${problem.app.key}" is a public client (${problem.app.type}) and has no client secret; leave the variable empty with a literal "" instead` };
    case "notWebhook":
      return { path, message: `log stream ${echo(problem.key)} is a ${problem.type} stream and has no generated bearer secret; reference a webhook stream` };
  }
}

/**
 * Every reference names something the stack defines and that has what it claims (a client
 * secret, a webhook's bearer secret, a custom domain): env variables and Action secrets alike.
 */
export function referencesExist(spec: TenantSpec): ConfigIssue[] {
  return valueSites(spec).flatMap((site) => problemsOf(spec, site.source).map((problem) => issueOf(site, problem)));
}
