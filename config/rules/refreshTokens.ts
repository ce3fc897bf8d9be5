import { REFRESH_TOKEN_LIFETIME_MAX } from "../bounds";
import { type ConfigIssue, configPath } from "../issues";
import { formatDurationLike } from "../schema/common";
import { GRANT_TYPES } from "../schema/applications";
import type { TenantSpec } from "../spec";

const ROOT = "auth0kit:applications";

/**
 * Auth0's refresh-token rules: a rotating token must expire (expiration_type "expiring" with an
 * absolute lifetime), the inactivity lifetime nests inside the absolute one, and both stay inside
 * the documented maximum.
 */
export function refreshTokenPolicy(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const app of Object.values(spec.applications)) {
    const policy = app.refreshToken;
    // Machine-to-machine apps may hold no refresh-token policy at all (m2mHasNoInteractiveSettings).
    if (policy === undefined || app.type === "m2m") continue;
    const at = (...field: string[]) => configPath(ROOT, app.key, "refreshToken", ...field);
    if (!app.grantTypes.includes(GRANT_TYPES.refreshToken)) {
      issues.push({ path: at(), message: "the application does not have the refresh_token grant type; add it to grantTypes or remove this policy" });
    }
    if (policy.rotation && policy.absoluteLifetime === undefined) {
      issues.push({ path: at("absoluteLifetime"), message: "rotation requires an expiring token; set an absolute lifetime such as 24h or turn rotation off" });
    }
    const written = (field: string) => spec.writtenDurations?.[at(field)];
    for (const field of ["absoluteLifetime", "idleLifetime"] as const) {
      const value = policy[field];
      if (value !== undefined && value > REFRESH_TOKEN_LIFETIME_MAX) {
        issues.push({
          path: at(field),
          message: `${formatDurationLike(value, written(field))} exceeds Auth0's maximum refresh-token lifetime of ${formatDurationLike(REFRESH_TOKEN_LIFETIME_MAX, written(field))}; lower it`,
        });
      }
    }
    if (policy.absoluteLifetime !== undefined && policy.idleLifetime !== undefined && policy.idleLifetime > policy.absoluteLifetime) {
      const idle = written("idleLifetime") ?? written("absoluteLifetime");
      issues.push({
        path: at("idleLifetime"),
        message: `${formatDurationLike(policy.idleLifetime, idle)} exceeds the absolute lifetime of ${formatDurationLike(policy.absoluteLifetime, written("absoluteLifetime") ?? idle)}; the inactivity lifetime must not be longer than the absolute one`,
      });
    }
  }
  return issues;
}
