import { API_TOKEN_LIFETIME_MAX } from "../bounds";
import { type ConfigIssue, configPath, echo } from "../issues";
import { formatDurationLike } from "../schema/common";
import type { TenantSpec } from "../spec";

const ROOT = "auth0kit:apis";

/** Permission names are unique per API, ignoring case (Auth0 would show both on consent). */
export function uniquePermissions(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const api of Object.values(spec.apis)) {
    const seen = new Map<string, string>();
    for (const name of Object.keys(api.permissions)) {
      const first = seen.get(name.toLowerCase());
      if (first !== undefined) {
        issues.push({
          path: configPath(ROOT, api.key, "permissions", name),
          message: `duplicates permission "${first}" (names are compared without case); keep one of them`,
        });
      } else {
        seen.set(name.toLowerCase(), name);
      }
    }
  }
  return issues;
}

/** Token lifetimes stay inside Auth0's bounds and nest: browser-flow tokens never outlive the API's. */
export function apiTokenLifetimes(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const api of Object.values(spec.apis)) {
    const lifetime = configPath(ROOT, api.key, "tokenLifetime");
    const web = configPath(ROOT, api.key, "tokenLifetimeForWeb");
    const written = (path: string) => spec.writtenDurations?.[path];
    if (api.tokenLifetime > API_TOKEN_LIFETIME_MAX) {
      issues.push({
        path: lifetime,
        message: `${formatDurationLike(api.tokenLifetime, written(lifetime))} exceeds Auth0's maximum of ${formatDurationLike(API_TOKEN_LIFETIME_MAX, written(lifetime))}; lower it`,
      });
    }
    if (api.tokenLifetimeForWeb > api.tokenLifetime) {
      const unit = written(web) ?? written(lifetime);
      issues.push({
        path: web,
        message: `${formatDurationLike(api.tokenLifetimeForWeb, unit)} exceeds the API's tokenLifetime of ${formatDurationLike(api.tokenLifetime, written(lifetime) ?? unit)}; browser-flow tokens may not outlive the API's tokens`,
      });
    }
  }
  return issues;
}

/** The permissions claim only exists when RBAC is enforced. */
export function permissionsInTokenNeedsRbac(spec: TenantSpec): ConfigIssue[] {
  return Object.values(spec.apis)
    .filter((api) => api.permissionsInToken && !api.rbac)
    .map((api) => ({
      path: configPath(ROOT, api.key, "permissionsInToken"),
      message: "requires rbac: true (Auth0 adds the permissions claim only when RBAC is enforced); turn rbac on or set this to false",
    }));
}

/** Two APIs with one identifier would be one audience. */
export function uniqueIdentifiers(spec: TenantSpec): ConfigIssue[] {
  const seen = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  for (const api of Object.values(spec.apis)) {
    const first = seen.get(api.identifier);
    if (first !== undefined) {
      issues.push({
        path: configPath(ROOT, api.key, "identifier"),
        message: `${echo(api.identifier)} is already the identifier of API "${first}"; each API needs its own audience`,
      });
    } else {
      seen.set(api.identifier, api.key);
    }
  }
  return issues;
}
