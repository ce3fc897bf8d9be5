import { type ConfigIssue, configPath, echo } from "../issues";
import { entryOf, type TenantSpec } from "../spec";

/**
 * Permissions named by API key, as grants and roles name them: the API exists and has every
 * permission. `path` locates the map entry (`…grants.core`, `…permissions.core`); a bad
 * permission is reported at `<path>[.permissions][<index>]` per `listField`.
 */
export function apiPermissionIssues(
  spec: TenantSpec,
  path: string,
  apiKey: string,
  permissions: readonly string[],
  listField?: string,
): ConfigIssue[] {
  const api = entryOf(spec.apis, apiKey);
  if (api === undefined) {
    const apiKeys = Object.keys(spec.apis);
    return [{ path, message: `unknown API "${apiKey}"; defined APIs: ${apiKeys.length > 0 ? apiKeys.join(", ") : "none (add it under auth0kit:apis)"}` }];
  }
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  permissions.forEach((permission, index) => {
    const at = listField === undefined ? configPath(path, index) : configPath(path, listField, index);
    if (!Object.hasOwn(api.permissions, permission)) {
      issues.push({ path: at, message: `${echo(permission)} is not a permission of API "${apiKey}"; define it under auth0kit:apis.${apiKey}.permissions or remove it` });
    } else if (seen.has(permission)) {
      issues.push({ path: at, message: `${echo(permission)} is listed twice; remove one` });
    }
    seen.add(permission);
  });
  return issues;
}
