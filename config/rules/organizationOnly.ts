import { type ConfigIssue, configPath } from "../issues";
import { GRANT_TYPES } from "../schema/applications";
import { ORGANIZATION_REQUIRED_METADATA } from "../schema/connections";
import { type ConnectionSpec, entryOf, isProductionLike, type TenantSpec } from "../spec";

const ROOT = "auth0kit:connections";

/** The organizations that enable `connection`, by key. */
function organizationsOf(spec: TenantSpec, connection: ConnectionSpec): string[] {
  return Object.values(spec.organizations)
    .filter((organization) => Object.hasOwn(organization.connections, connection.key))
    .map((organization) => organization.key);
}

/** Applications through which users sign in with `connection` without naming an organization. */
function loginsWithoutOrganization(spec: TenantSpec, connection: ConnectionSpec): string[] {
  return connection.applications.filter((key) => {
    const app = entryOf(spec.applications, key);
    return app !== undefined && app.type !== "m2m" && app.organizations?.usage !== "require";
  });
}

/**
 * An application that signs users in only with the device code grant: Auth0's device flow never
 * scopes a login to an organization, so an organization-only connection denies every one of them.
 */
function deviceCodeOnly(spec: TenantSpec, key: string): boolean {
  const app = entryOf(spec.applications, key);
  if (app === undefined || !app.grantTypes.includes(GRANT_TYPES.deviceCode)) return false;
  return !app.grantTypes.includes(GRANT_TYPES.authorizationCode) && !app.grantTypes.includes(GRANT_TYPES.implicit);
}

const requiring = (spec: TenantSpec) => Object.values(spec.connections).filter((connection) => connection.kind === "enterprise" && connection.requireOrganization);

/**
 * requireOrganization works only when some organization enables the connection (else every
 * sign-in through it is denied) and some post-login Action reads the connection metadata that
 * carries it (else nothing denies anything and the stack file would promise what Auth0 does not do).
 */
export function requireOrganizationSetting(spec: TenantSpec): ConfigIssue[] {
  const enforced = Object.values(spec.actions).some((action) => action.trigger === "post-login" && action.code.includes(ORGANIZATION_REQUIRED_METADATA));
  return requiring(spec).flatMap((connection) => {
    const path = configPath(ROOT, connection.key, "requireOrganization");
    const issues: ConfigIssue[] = [];
    if (organizationsOf(spec, connection).length === 0) {
      issues.push({
        path,
        message: `no organization enables "${connection.key}", so every sign-in through it would be denied; add it to an organization's connections (auth0kit:organizations.<key>.connections.${connection.key}) or remove requireOrganization`,
      });
    }
    connection.applications.forEach((key, index) => {
      if (!deviceCodeOnly(spec, key)) return;
      issues.push({
        path: configPath(ROOT, connection.key, "applications", index),
        message: `${key} signs users in only with the device code grant, which Auth0 never scopes to an organization, so every sign-in through "${connection.key}" there would be denied; remove ${key} from this connection's applications`,
      });
    });
    if (!enforced) {
      issues.push({
        path,
        message: `no post-login Action enforces it: Auth0 has no such connection setting, so a post-login Action must deny a login whose connection metadata has ${ORGANIZATION_REQUIRED_METADATA} and no organization (as actions/post-login.js does); add one to auth0kit:actions`,
      });
    }
    return issues;
  });
}

/**
 * Guardrail organization-only-connections: an organization's enterprise connection enabled for
 * an application that does not require organizations lets its users sign in without their
 * organization (no org_id claim, no organization MFA, no membership check), which the runbooks'
 * "require members to use this organization" rules out.
 */
export function organizationOnlyConnections(spec: TenantSpec): ConfigIssue[] {
  if (!isProductionLike(spec.environment)) return [];
  return Object.values(spec.connections)
    .filter((connection) => connection.kind === "enterprise" && !connection.requireOrganization)
    .flatMap((connection) => {
      const organizations = organizationsOf(spec, connection);
      const open = loginsWithoutOrganization(spec, connection);
      if (organizations.length === 0 || open.length === 0) return [];
      return [
        {
          path: configPath(ROOT, connection.key),
          message: `the connection of organization ${organizations.join(", ")} lets its users sign in to ${open.join(", ")} without the organization in ${spec.environment}; set requireOrganization: true, or organizations.usage: require on ${open.join(", ")}`,
        },
      ];
    });
}
