/**
 * GET /roles and /roles/{id}/permissions → `auth0kit:roles`. A role's permissions are named by
 * the stack's API keys, so a permission of an API that was not adopted (the Management API, or
 * one the schema cannot hold) cannot be said: the first up removes it from the role.
 */
import { configPath } from "../../config/issues";
import type { Findings } from "../findings";
import { assignKeys } from "../keys";
import { str, type Json } from "../json";

const ROOT = "auth0kit:roles";

export interface AdoptedRole {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly config: Json;
}

/** `apiKeys`: the adopted APIs' keys by identifier. */
export function adoptRoles(roles: readonly Json[], permissions: Readonly<Record<string, readonly Json[]>>, apiKeys: ReadonlyMap<string, string>, findings: Findings): AdoptedRole[] {
  const own = roles.filter((role) => str(role.id) !== undefined && str(role.name) !== undefined);
  const keys = assignKeys(own, (r) => str(r.name)!, (r) => str(r.id)!, "role");
  return own.map((role) => {
    const id = str(role.id)!;
    const key = keys.get(id)!;
    const name = str(role.name)!;
    const at = (...segments: string[]) => configPath(ROOT, key, ...segments);
    const config: Json = {};
    if (name !== key) config.name = name;
    const description = str(role.description)?.trim();
    if (description) config.description = description;
    else {
      config.description = `${name} (adopted without a description)`;
      findings.change(at("description"), `role "${name}" has no description, which the schema requires; the first up sets "${String(config.description)}": write who holds this role`);
    }
    const byApi: Record<string, string[]> = {};
    for (const permission of permissions[id] ?? []) {
      const identifier = str(permission.resource_server_identifier) ?? "";
      const permissionName = str(permission.permission_name) ?? "";
      const apiKey = apiKeys.get(identifier);
      if (apiKey === undefined) {
        findings.change(at("permissions"), `permission ${permissionName} of ${identifier} is not of an adopted API; the first up removes it from the role`);
        continue;
      }
      (byApi[apiKey] ??= []).push(permissionName);
    }
    const sorted = Object.keys(byApi).sort();
    if (sorted.length > 0) config.permissions = Object.fromEntries(sorted.map((apiKey) => [apiKey, [...new Set(byApi[apiKey])].sort()]));
    return { key, id, name, config };
  });
}
