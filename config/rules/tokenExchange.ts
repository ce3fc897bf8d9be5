import { type ConfigIssue, configPath, echo } from "../issues";
import { entryOf, type TenantSpec } from "../spec";

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

/**
 * A profile's audiences are the only APIs its delegated tokens may be for: each must exist, take
 * tokens for users at all, and, when it admits only granted applications, be granted to some
 * application that may exchange, or no delegated token could ever be issued for it.
 */
export function delegationAudiences(spec: TenantSpec): ConfigIssue[] {
  const exchanging = Object.values(spec.applications).filter((app) => app.tokenExchangeProfileTypes?.includes("custom_authentication") === true);
  return Object.values(spec.actions).flatMap((action) =>
    (action.tokenExchangeProfile?.audiences ?? []).flatMap((key, index): ConfigIssue[] => {
      const path = configPath("auth0kit:actions", action.key, "tokenExchangeProfile", "audiences", index);
      const api = entryOf(spec.apis, key);
      if (api === undefined) {
        const defined = Object.keys(spec.apis);
        return [{ path, message: `unknown API ${echo(key)}; ${defined.length > 0 ? `defined APIs: ${defined.join(", ")}` : "no APIs are defined"}` }];
      }
      if (api.userAccess === "deny-all") {
        return [{ path, message: `API "${key}" refuses tokens for users (userAccess: deny-all), so no delegated token could be issued for it; set userAccess: require-client-grant and grant it to the exchanging application` }];
      }
      const granted = exchanging.some((app) => {
        const grant = app.grants[key];
        return grant !== undefined && (grant.subjectType ?? (app.type === "m2m" ? "client" : "user")) === "user";
      });
      if (api.userAccess === "require-client-grant" && !granted) {
        const apps = exchanging.map((app) => app.key).join(", ") || "the exchanging application";
        return [{ path, message: `API "${key}" gives tokens for users only to applications with a user grant on it, and no application allowed custom_authentication has one; add grants.${key}: { subjectType: user, permissions: [...] } to ${apps}` }];
      }
      return [];
    }),
  );
}
