import { type ConfigIssue, configPath, echo } from "./issues";
import { socialCredentialsInProduction } from "./rules/connections";
import { emailProviderConfigured } from "./rules/email";
import { organizationOnlyConnections } from "./rules/organizationOnly";
import { strictEnforcement } from "./rules/rollout";
import { productionUrls } from "./rules/urls";
import type { Override } from "./schema/overrides";
import { entryOf, isProductionLike, type TenantSpec } from "./spec";

/**
 * Production guardrails: what stage and prod must have so that one `pulumi up` cannot lock users
 * out or open the tenant up. Each is a pure, named rule; a stack may override one only with an
 * explicit `auth0kit:overrides` entry naming the rule, the path and a written reason.
 */
export interface Guardrail {
  readonly name: string;
  readonly check: (spec: TenantSpec) => ConfigIssue[];
}

function inProduction(check: (spec: TenantSpec) => ConfigIssue[]): (spec: TenantSpec) => ConfigIssue[] {
  return (spec) => (isProductionLike(spec.environment) ? check(spec) : []);
}

export const rbacOnEveryApi = inProduction((spec) =>
  Object.values(spec.apis)
    .filter((api) => !api.rbac)
    .map((api) => ({
      path: configPath("auth0kit:apis", api.key, "rbac"),
      message: `false lets any user get any permission of this API in ${spec.environment}; enforce RBAC (rbac: true) and grant permissions through roles`,
    })),
);

/** Public clients cannot keep a secret, so their refresh tokens must rotate (reuse detection). */
export const refreshTokenRotation = inProduction((spec) =>
  Object.values(spec.applications)
    .filter((app) => (app.type === "spa" || app.type === "native") && app.grantTypes.includes("refresh_token") && app.refreshToken?.rotation !== true)
    .map((app) => ({
      path: configPath("auth0kit:applications", app.key, "refreshToken", ...(app.refreshToken ? ["rotation"] : [])),
      message: `a public client (${app.type}) needs rotating refresh tokens in ${spec.environment}; set refreshToken: { rotation: true, absoluteLifetime: … }`,
    })),
);

export const mfaEnabled = inProduction((spec) => {
  if (spec.mfa === undefined) {
    return [{ path: "auth0kit:mfa", message: `required in ${spec.environment}; set auth0kit:mfa with a policy such as confidence-score` }];
  }
  if (spec.mfa.policy === "never") {
    return [{ path: "auth0kit:mfa.policy", message: `never is not allowed in ${spec.environment}; use confidence-score (adaptive MFA) or all-applications` }];
  }
  return [];
});

export const attackProtectionOn = inProduction((spec) =>
  (["bruteForce", "breachedPasswords", "suspiciousIpThrottling"] as const)
    .filter((protection) => spec.attackProtection?.[protection]?.enabled === false)
    .map((protection) => ({
      path: `auth0kit:attackProtection.${protection}.enabled`,
      message: `false turns this protection off in ${spec.environment}; remove enabled: false`,
    })),
);

export const logStreamConfigured = inProduction((spec) =>
  Object.keys(spec.logStreams).length > 0
    ? []
    : [{ path: "auth0kit:logStreams", message: `${spec.environment} needs a log stream, so that logins and admin changes are kept outside Auth0; add a webhook, datadog or splunk stream` }],
);

/** A grant of every permission an API has is an all-scopes shortcut written out by hand. */
export const noAllPermissionsGrant = inProduction((spec) =>
  Object.values(spec.applications).flatMap((app) =>
    Object.entries(app.grants).flatMap(([apiKey, grant]) => {
      const api = entryOf(spec.apis, apiKey);
      const all = api ? Object.keys(api.permissions) : [];
      if (all.length < 2 || !all.every((permission) => grant.permissions.includes(permission))) return [];
      return [
        {
          path: configPath("auth0kit:applications", app.key, "grants", apiKey),
          message: `grants all ${all.length} permissions of API "${apiKey}"; grant only what ${app.key} needs`,
        },
      ];
    }),
  ),
);

export const GUARDRAILS: readonly Guardrail[] = [
  { name: "https-only-urls", check: productionUrls },
  { name: "rbac-on-every-api", check: rbacOnEveryApi },
  { name: "refresh-token-rotation", check: refreshTokenRotation },
  { name: "mfa-enabled", check: mfaEnabled },
  { name: "attack-protection-on", check: attackProtectionOn },
  { name: "log-stream-configured", check: logStreamConfigured },
  { name: "no-all-permissions-grant", check: noAllPermissionsGrant },
  { name: "social-credentials", check: socialCredentialsInProduction },
  { name: "email-provider-configured", check: emailProviderConfigured },
  { name: "strict-enforcement", check: strictEnforcement },
  { name: "organization-only-connections", check: organizationOnlyConnections },
];

export interface GuardrailResult {
  /** Findings no override covers: configuration errors. */
  readonly issues: ConfigIssue[];
  /** Overrides that covered a finding, for the plan to print. */
  readonly inForce: Override[];
}

function covers(override: Override, path: string): boolean {
  return path === override.path || path.startsWith(`${override.path}.`) || path.startsWith(`${override.path}[`);
}

/**
 * Runs every guardrail; a finding covered by an override (same rule, same path or a prefix) is
 * not an error. An override that covers nothing is an error: stale exceptions must not linger.
 * But an override whose path has `unresolved` problems is not called stale: those are the root
 * cause (a misspelt permission makes an all-permissions grant look partial), and removing the
 * override would be the wrong fix; it is judged again once they are fixed.
 */
export function checkGuardrails(
  spec: TenantSpec,
  overrides: readonly Override[],
  guardrails: readonly Guardrail[] = GUARDRAILS,
  unresolved: readonly ConfigIssue[] = [],
): GuardrailResult {
  const issues: ConfigIssue[] = [];
  const used = new Set<number>();
  const names = guardrails.map((g) => g.name);
  for (const guardrail of guardrails) {
    for (const finding of guardrail.check(spec)) {
      const index = overrides.findIndex((o) => o.rule === guardrail.name && covers(o, finding.path));
      if (index < 0) issues.push(finding);
      else used.add(index);
    }
  }
  overrides.forEach((override, index) => {
    const at = configPath("auth0kit:overrides", index);
    if (!names.includes(override.rule)) {
      issues.push({ path: `${at}.rule`, message: `unknown guardrail ${echo(override.rule)}; guardrails: ${names.join(", ")}` });
    } else if (!used.has(index) && !unresolved.some((issue) => covers(override, issue.path))) {
      issues.push({ path: at, message: `${override.rule} reports nothing at ${override.path} in ${spec.environment}; remove this override` });
    }
  });
  return { issues, inForce: overrides.filter((_, index) => used.has(index)) };
}

/** `<rule> at <path>: <reason>`, as the plan prints an override in force. */
export function formatOverride(override: Override): string {
  return `${override.rule} at ${override.path}: ${override.reason}`;
}
