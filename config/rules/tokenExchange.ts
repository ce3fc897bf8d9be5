import { type ConfigIssue, configPath } from "../issues";
import type { TenantSpec } from "../spec";

/**
 * A custom token exchange sets the token's user with `api.authentication.setUserById`, which Auth0
 * accepts only for a user of a connection enabled for the exchanging application: without one,
 * every exchange fails.
 */
export function customTokenExchangeHasConnections(spec: TenantSpec): ConfigIssue[] {
  const connections = Object.values(spec.connections);
  return Object.values(spec.applications)
    .filter((app) => app.tokenExchangeProfileTypes?.includes("custom_authentication") === true)
    .filter((app) => !connections.some((connection) => connection.applications.includes(app.key)))
    .map((app) => ({
      path: configPath("auth0kit:applications", app.key, "tokenExchangeProfileTypes"),
      message: `a custom token exchange can only issue tokens for users of connections enabled for ${app.key}, and none is; add ${app.key} to the applications of every connection its users sign in with`,
    }));
}
