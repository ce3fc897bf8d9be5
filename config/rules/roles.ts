import { type ConfigIssue, configPath } from "../issues";
import type { TenantSpec } from "../spec";
import { apiPermissionIssues } from "./apiPermissions";

const ROOT = "auth0kit:roles";

/** A role's permissions belong to APIs of this stack; Auth0 refuses a permission its API lacks. */
export function rolePermissionsExist(spec: TenantSpec): ConfigIssue[] {
  return Object.values(spec.roles).flatMap((role) =>
    Object.entries(role.permissions).flatMap(([apiKey, permissions]) => apiPermissionIssues(spec, configPath(ROOT, role.key, "permissions", apiKey), apiKey, permissions)),
  );
}

/** Auth0 role names are unique in a tenant (compared without case, as the Dashboard shows them). */
export function uniqueRoleNames(spec: TenantSpec): ConfigIssue[] {
  const seen = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  for (const role of Object.values(spec.roles)) {
    const first = seen.get(role.name.toLowerCase());
    if (first === undefined) {
      seen.set(role.name.toLowerCase(), role.key);
    } else {
      issues.push({ path: configPath(ROOT, role.key, "name"), message: `"${role.name}" is already the name of role "${first}"; role names are unique in a tenant, so give this one another name` });
    }
  }
  return issues;
}
