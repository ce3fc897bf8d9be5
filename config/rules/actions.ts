import { type ConfigIssue, configPath, echo } from "../issues";
import { ACTION_TRIGGERS } from "../schema/actions";
import { GRANT_TYPES } from "../schema/applications";
import type { TenantSpec } from "../spec";

const ROOT = "auth0kit:actions";

/** Namespaces Auth0 reserves for subject token types (Custom Token Exchange docs). */
const RESERVED_SUBJECT_TOKEN_TYPES = ["http://auth0.com", "https://auth0.com", "http://okta.com", "https://okta.com", "urn:ietf", "urn:auth0", "urn:okta"];

/** The source must export the handler its trigger calls, or the Action never runs. */
export function actionHandlers(spec: TenantSpec): ConfigIssue[] {
  return Object.values(spec.actions).flatMap((action) => {
    const { handler } = ACTION_TRIGGERS[action.trigger];
    const exported = new RegExp(`(^|[^\\w.])(module\\.)?exports\\.${handler}\\s*=`, "m").test(action.code);
    return exported
      ? []
      : [{ path: configPath(ROOT, action.key, "source"), message: `${action.source} does not define exports.${handler}, the handler of the ${action.trigger} trigger; export it or pick the trigger the code is written for` }];
  });
}

/**
 * Actions bound with TriggerActions need an `order`, unique within their trigger; a
 * custom-token-exchange Action is bound through its profile instead and has none.
 */
export function bindingOrder(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, string>();
  for (const action of Object.values(spec.actions)) {
    const bound = ACTION_TRIGGERS[action.trigger].bound;
    const path = configPath(ROOT, action.key, "order");
    if (bound === "profile") {
      if (action.order !== undefined) {
        issues.push({ path, message: `${action.trigger} Actions are not bound to a trigger flow but to their tokenExchangeProfile; remove order` });
      }
      continue;
    }
    if (action.order === undefined) {
      issues.push({ path, message: `required for a ${action.trigger} Action; set its position in the flow (1 runs first)` });
      continue;
    }
    const slot = `${action.trigger}#${action.order}`;
    const first = seen.get(slot);
    if (first !== undefined) {
      issues.push({ path, message: `${action.order} is also the order of "${first}" in the ${action.trigger} flow; give each Action of a trigger its own order` });
    } else {
      seen.set(slot, action.key);
    }
  }
  return issues;
}

/** A custom-token-exchange Action needs exactly one profile, with a subject token type Auth0 allows. */
export function tokenExchangeProfiles(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const types = new Map<string, string>();
  for (const action of Object.values(spec.actions)) {
    const path = configPath(ROOT, action.key, "tokenExchangeProfile");
    const profile = action.tokenExchangeProfile;
    if (ACTION_TRIGGERS[action.trigger].bound !== "profile") {
      if (profile) issues.push({ path, message: `only custom-token-exchange Actions have a token-exchange profile; remove it or change the trigger` });
      continue;
    }
    if (!profile) {
      issues.push({ path, message: "required for a custom-token-exchange Action; set { subjectTokenType: <a URI you own> }" });
      continue;
    }
    const typePath = configPath(path, "subjectTokenType");
    const reserved = RESERVED_SUBJECT_TOKEN_TYPES.find((prefix) => profile.subjectTokenType.toLowerCase().startsWith(prefix));
    if (reserved !== undefined) {
      issues.push({ path: typePath, message: `${profile.subjectTokenType} is in the ${reserved} namespace, which Auth0 reserves; use a URI you own, e.g. urn:alphaswarm:agent-delegation` });
    }
    const first = types.get(profile.subjectTokenType);
    if (first !== undefined) {
      issues.push({ path: typePath, message: `${profile.subjectTokenType} is already handled by the profile of "${first}"; each subject token type maps to one Action` });
    } else {
      types.set(profile.subjectTokenType, action.key);
    }
  }
  const apps = Object.values(spec.applications);
  const canExchange = apps.some((app) => app.tokenExchangeProfileTypes?.includes("custom_authentication") && app.grantTypes.includes(GRANT_TYPES.tokenExchange));
  if (types.size > 0 && !canExchange) {
    const [key] = [...types.values()];
    issues.push({
      path: configPath(ROOT, key!, "tokenExchangeProfile"),
      message: `no application may use it; give one application the ${GRANT_TYPES.tokenExchange} grant and tokenExchangeProfileTypes: [custom_authentication]`,
    });
  }
  return issues;
}

/**
 * FAIL_CLOSED is a switch the Action code reads as a string, whatever it is wired to. (References
 * in Action secrets are checked with those of env files, in rules/references.ts.)
 */
export function failClosedIsBoolean(spec: TenantSpec): ConfigIssue[] {
  return Object.values(spec.actions).flatMap((action) => {
    const source = action.secrets.FAIL_CLOSED;
    if (source === undefined || ("value" in source && (source.value === "true" || source.value === "false"))) return [];
    return [
      {
        path: configPath(ROOT, action.key, "secrets", "FAIL_CLOSED"),
        message: `must be { value: "true" } (a backend failure blocks the flow) or { value: "false" } (it is logged and the flow continues)`,
      },
    ];
  });
}

/** Auth0 identifies Actions by name within a tenant. */
export function uniqueActionNames(spec: TenantSpec): ConfigIssue[] {
  const seen = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  for (const action of Object.values(spec.actions)) {
    const first = seen.get(action.name);
    if (first !== undefined) {
      issues.push({ path: configPath(ROOT, action.key, "name"), message: `${echo(action.name)} is also the name of Action "${first}"; Action names are unique in a tenant` });
    } else {
      seen.set(action.name, action.key);
    }
  }
  return issues;
}
