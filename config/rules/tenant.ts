import { IDLE_SESSION_LIFETIME_MAX_HOURS, SESSION_LIFETIME_MAX_HOURS } from "../bounds";
import type { ConfigIssue } from "../issues";
import type { TenantSpec } from "../spec";

/** Session lifetimes stay inside Auth0's bounds, and inactivity nests inside the absolute lifetime. */
export function sessionLifetimes(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { sessionLifetime, idleSessionLifetime } = spec.tenant;
  if (sessionLifetime !== undefined && sessionLifetime > SESSION_LIFETIME_MAX_HOURS) {
    issues.push({ path: "auth0kit:tenant.sessionLifetime", message: `${sessionLifetime}h exceeds Auth0's maximum of ${SESSION_LIFETIME_MAX_HOURS}h; lower it` });
  }
  if (idleSessionLifetime !== undefined && idleSessionLifetime > IDLE_SESSION_LIFETIME_MAX_HOURS) {
    issues.push({ path: "auth0kit:tenant.idleSessionLifetime", message: `${idleSessionLifetime}h exceeds Auth0's maximum of ${IDLE_SESSION_LIFETIME_MAX_HOURS}h; lower it` });
  }
  if (sessionLifetime !== undefined && idleSessionLifetime !== undefined && idleSessionLifetime > sessionLifetime) {
    issues.push({
      path: "auth0kit:tenant.idleSessionLifetime",
      message: `${idleSessionLifetime}h exceeds the session lifetime of ${sessionLifetime}h; a session cannot stay idle longer than it lives`,
    });
  }
  return issues;
}
