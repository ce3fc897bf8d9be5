import { type ConfigIssue, configPath } from "../issues";
import type { TenantSpec } from "../spec";

/**
 * Auth0's developer keys (a social connection without its own credentials) do not work behind a
 * custom domain (Auth0 docs, "Test Social Connections with Auth0 Developer Keys"): a stack with a
 * custom domain gives every social connection its own OAuth app, in dev too.
 */
export function developerKeysWithoutCustomDomain(spec: TenantSpec): ConfigIssue[] {
  const custom = spec.tenant.customDomain;
  if (custom === undefined) return [];
  return Object.values(spec.connections)
    .filter((connection) => connection.kind === "social" && connection.clientId === undefined && connection.clientSecret === undefined)
    .map((connection) => ({
      path: configPath("auth0kit:connections", connection.key),
      message: `runs on Auth0's developer keys, which do not work behind the custom domain ${custom.domain}; set clientId and clientSecret: { secret: <key> } from the ${connection.kind === "social" ? connection.strategy : ""} developer console`,
    }));
}
