import { IDLE_SESSION_LIFETIME_MAX_HOURS, SESSION_LIFETIME_MAX_HOURS } from "../bounds";
import type { ConfigIssue } from "../issues";
import { formatDurationLike } from "../schema/common";
import type { TenantSpec } from "../spec";

const HOUR = 3_600;
/** Hours as the file wrote them (`72h`, `3d`); a plain number of hours stays in hours. */
const hoursLike = (hours: number, written: string | undefined) => formatDurationLike(hours * HOUR, written ?? "1h");

/** Session lifetimes stay inside Auth0's bounds, and inactivity nests inside the absolute lifetime. */
export function sessionLifetimes(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { sessionLifetime, idleSessionLifetime } = spec.tenant;
  const session = spec.writtenDurations?.["auth0kit:tenant.sessionLifetime"];
  const idle = spec.writtenDurations?.["auth0kit:tenant.idleSessionLifetime"];
  if (sessionLifetime !== undefined && sessionLifetime > SESSION_LIFETIME_MAX_HOURS) {
    issues.push({ path: "auth0kit:tenant.sessionLifetime", message: `${hoursLike(sessionLifetime, session)} exceeds Auth0's maximum of ${hoursLike(SESSION_LIFETIME_MAX_HOURS, session)}; lower it` });
  }
  if (idleSessionLifetime !== undefined && idleSessionLifetime > IDLE_SESSION_LIFETIME_MAX_HOURS) {
    issues.push({ path: "auth0kit:tenant.idleSessionLifetime", message: `${hoursLike(idleSessionLifetime, idle)} exceeds Auth0's maximum of ${hoursLike(IDLE_SESSION_LIFETIME_MAX_HOURS, idle)}; lower it` });
  }
  if (sessionLifetime !== undefined && idleSessionLifetime !== undefined && idleSessionLifetime > sessionLifetime) {
    issues.push({
      path: "auth0kit:tenant.idleSessionLifetime",
      message: `${hoursLike(idleSessionLifetime, idle ?? session)} exceeds the session lifetime of ${hoursLike(sessionLifetime, session ?? idle)}; a session cannot stay idle longer than it lives`,
    });
  }
  return issues;
}
