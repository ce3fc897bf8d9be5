/**
 * GET /actions/actions, the trigger bindings and /token-exchange-profiles → `auth0kit:actions`.
 * Auth0 never returns an Action secret's value, only its name: each becomes a `{ secret: <key> }`
 * reference, except FAIL_CLOSED, which the schema wants as a literal and which is left to the
 * stack's per-environment default.
 */
import { configPath } from "../../config/issues";
import { ACTION_RUNTIMES, ACTION_SECRET_NAME, ACTION_TRIGGERS, type ActionTrigger } from "../../config/schema/actions";
import { ORGANIZATION_MFA } from "../../config/rules/organizationMfa";
import type { Findings } from "../findings";
import { assignKeys, slug } from "../keys";
import { lookup, obj, objects, str, type Json } from "../json";

const ROOT = "auth0kit:actions";

export interface AdoptedAction {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly config: Json;
  /** The source file the stack names, relative to the project root, and its code. */
  readonly source: { readonly path: string; readonly code: string };
  readonly profileId?: string;
}

/**
 * `existing`: the project's Action files by their code, so that an Action deployed from this
 * repository keeps pointing at its file.
 */
export function adoptActions(
  actions: readonly Json[],
  bindings: Readonly<Record<string, readonly Json[]>>,
  profiles: readonly Json[],
  existing: ReadonlyMap<string, string>,
  /** Whether Guardian's OTP factor is on: the strictest ORGANIZATION_MFA mode the tenant allows. */
  otpFactorOn: boolean,
  findings: Findings,
): AdoptedAction[] {
  const placed = new Map<string, { trigger: ActionTrigger; order?: number; profile?: Json }>();
  for (const [trigger, bound] of Object.entries(bindings)) {
    bound.forEach((binding, index) => {
      const id = str(obj(binding.action)?.id) ?? str(binding.action_id);
      if (id !== undefined) placed.set(id, { trigger: trigger as ActionTrigger, order: index + 1 });
    });
  }
  for (const profile of profiles) {
    const id = str(profile.action_id);
    if (id !== undefined && profile.type === "custom_authentication") placed.set(id, { trigger: "custom-token-exchange", profile });
  }
  const adoptable = actions.filter((action) => {
    const id = str(action.id) ?? "";
    const name = str(action.name) ?? id;
    const where = configPath(ROOT, slug(name, "action"));
    const supported = objects(action.supported_triggers)[0];
    const trigger = str(supported?.id) ?? "";
    const how = lookup<(typeof ACTION_TRIGGERS)[ActionTrigger]>(ACTION_TRIGGERS, trigger);
    if (how === undefined) {
      findings.unmanage(where, `Action "${name}" (${id}) is for the ${trigger || "unknown"} trigger, which the schema does not deploy to, so it stays unmanaged`);
      return false;
    }
    if (str(supported?.version) !== how.version) {
      findings.unmanage(where, `Action "${name}" (${id}) is built for ${trigger} ${String(supported?.version)}; auth0kit deploys ${trigger} Actions as ${how.version}, so it stays unmanaged (port it, then add it by hand)`);
      return false;
    }
    if (!placed.has(id)) {
      findings.unmanage(where, `Action "${name}" (${id}) is not bound to any trigger${how.bound === "profile" ? " or token exchange profile" : ""}; the schema only holds bound Actions, so it stays unmanaged`);
      return false;
    }
    if (!(ACTION_RUNTIMES as readonly string[]).includes(str(action.runtime) ?? "")) {
      findings.unmanage(where, `Action "${name}" (${id}) runs on ${String(action.runtime)}; the schema takes ${ACTION_RUNTIMES.join(", ")}, so it stays unmanaged`);
      return false;
    }
    return true;
  });
  const adoptedIds = new Set(adoptable.map((action) => str(action.id)!));
  for (const [trigger, bound] of Object.entries(bindings)) {
    for (const binding of bound) {
      const action = obj(binding.action);
      const id = str(action?.id) ?? str(binding.action_id);
      if (id !== undefined && !adoptedIds.has(id)) {
        findings.change(ROOT, `the ${trigger} binding of "${str(action?.name) ?? id}" is not adopted; TriggerActions owns the whole flow, so the first up unbinds it`);
      }
    }
  }
  const keys = assignKeys(adoptable, (a) => str(a.name)!, (a) => str(a.id)!, "action");
  const taken = new Set<string>();
  return adoptable.map((action) => {
    const id = str(action.id)!;
    const key = keys.get(id)!;
    const place = placed.get(id)!;
    const code = str(action.code) ?? "";
    const path = existing.get(code) ?? freePath(`actions/${key}.js`, taken);
    taken.add(path);
    const config = actionConfig(action, key, place, path, otpFactorOn, findings);
    return { key, id, name: str(action.name)!, config, source: { path, code }, ...(place.profile && { profileId: str(place.profile.id)! }) };
  });
}

function freePath(path: string, taken: ReadonlySet<string>): string {
  let candidate = path;
  for (let n = 2; taken.has(candidate); n++) candidate = path.replace(/\.js$/, `-${n}.js`);
  return candidate;
}

export function actionConfig(action: Json, key: string, place: { trigger: ActionTrigger; order?: number; profile?: Json }, source: string, otpFactorOn: boolean, findings: Findings): Json {
  const at = (...segments: string[]) => configPath(ROOT, key, ...segments);
  const name = str(action.name)!;
  const config: Json = {};
  if (name !== key) config.name = name;
  config.source = source;
  config.trigger = place.trigger;
  if (place.order !== undefined) config.order = place.order;
  if (action.runtime !== "node22") config.runtime = action.runtime;
  const secrets: Json = {};
  for (const secret of objects(action.secrets)) {
    const secretName = str(secret.name) ?? "";
    if (!ACTION_SECRET_NAME.test(secretName)) {
      findings.change(at("secrets"), `secret ${secretName} is not UPPER_SNAKE_CASE, which the schema requires; the first up removes it (rename it in the code and the stack)`);
    } else if (secretName === "FAIL_CLOSED") {
      findings.change(at("secrets", "FAIL_CLOSED"), "Auth0 does not return secret values; the stack sets its per-environment default (README) — write { value: \"true\" } or { value: \"false\" } if the tenant used the other");
    } else if (secretName === ORGANIZATION_MFA && place.trigger === "post-login") {
      // The schema wants a literal mode here and Auth0 hides the value: the strictest mode the tenant's factors allow keeps organization logins at least as guarded.
      const mode = otpFactorOn ? "otp" : "any";
      secrets[secretName] = { value: mode };
      findings.change(at("secrets", ORGANIZATION_MFA), `Auth0 does not return secret values; written as { value: ${mode} }, the strictest mode the tenant's factors allow — write the mode the tenant used (off, any, otp) if it was another`);
    } else if (secretName === "SUBJECT_TOKEN_TYPE" && place.profile !== undefined) {
      findings.note(at("secrets", "SUBJECT_TOKEN_TYPE"), "set from the token exchange profile's subject token type, as auth0kit does by default");
    } else {
      secrets[secretName] = findings.secret(at("secrets", secretName), `the Action's ${secretName} secret`, key, secretName);
    }
  }
  if (Object.keys(secrets).length > 0) config.secrets = secrets;
  if (place.profile === undefined && !objects(action.secrets).some((secret) => secret.name === "FAIL_CLOSED")) {
    findings.change(at("secrets", "FAIL_CLOSED"), "the Action has no FAIL_CLOSED secret; the stack adds its per-environment default (README), which the first up sets");
  }
  const dependencies: Json = {};
  for (const dependency of objects(action.dependencies)) {
    if (str(dependency.name) !== undefined) dependencies[str(dependency.name)!] = str(dependency.version) ?? "latest";
  }
  if (Object.keys(dependencies).length > 0) config.dependencies = dependencies;
  if (place.profile !== undefined) {
    const profileName = str(place.profile.name);
    config.tokenExchangeProfile = { ...(profileName !== undefined && profileName !== name && { name: profileName }), subjectTokenType: str(place.profile.subject_token_type) };
  }
  if (action.all_changes_deployed === false) findings.note(at("source"), "the Action's draft differs from its deployed version; the stack holds the draft, which the first up deploys");
  return config;
}
