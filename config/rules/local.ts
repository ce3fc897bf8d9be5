import type { ConfigIssue } from "../issues";
import type { TenantSpec } from "../spec";

/**
 * A local stack provisions nothing in Auth0, so tenant-only concerns in it would be silently
 * ignored: each one present is an error at its key.
 */
export function localHasNoTenantConcerns(spec: TenantSpec): ConfigIssue[] {
  if (spec.environment !== "local") return [];
  const present: [string, boolean][] = [
    ["auth0kit:roles", Object.keys(spec.roles).length > 0],
    ["auth0kit:email", spec.email !== undefined],
    ["auth0kit:login", spec.login !== undefined],
  ];
  return present
    .filter(([, isSet]) => isSet)
    .map(([path]) => ({ path, message: "a local stack provisions nothing in Auth0, so this would do nothing; remove it or use a dev stack" }));
}
