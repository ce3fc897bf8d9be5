import { type ConfigIssue, configPath, echo } from "../issues";
import { ORGANIZATION_NAME_PATTERN } from "../schema/organizations";
import { entryOf, type TenantSpec } from "../spec";

const ROOT = "auth0kit:organizations";

/** Organization names follow Auth0's rules; a key used as the name must follow them too. */
export function organizationNames(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, string>();
  for (const organization of Object.values(spec.organizations)) {
    if (!ORGANIZATION_NAME_PATTERN.test(organization.name)) {
      const rule = "Auth0 allows lowercase letters, digits, - and _, 1 to 50 characters";
      issues.push(
        organization.name === organization.key
          ? { path: configPath(ROOT, organization.key), message: `the key "${organization.key}" is the organization name unless name is set, and it is not a valid one: ${rule}; set a shorter name` }
          : { path: configPath(ROOT, organization.key, "name"), message: `${echo(organization.name)} is not a valid organization name: ${rule}; change it` },
      );
      continue;
    }
    const first = seen.get(organization.name);
    if (first !== undefined) {
      issues.push({
        path: configPath(ROOT, organization.key, "name"),
        message: `${echo(organization.name)} is already the name of organization "${first}"; organization names are unique in a tenant`,
      });
    } else {
      seen.set(organization.name, organization.key);
    }
  }
  return issues;
}

/** An organization's connections exist in this stack. */
export function organizationsReferenceConnections(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const connectionKeys = Object.keys(spec.connections);
  for (const organization of Object.values(spec.organizations)) {
    for (const [connectionKey, enabled] of Object.entries(organization.connections)) {
      const connection = entryOf(spec.connections, connectionKey);
      if (connection === undefined) {
        issues.push({
          path: configPath(ROOT, organization.key, "connections", connectionKey),
          message: `unknown connection "${connectionKey}"; defined connections: ${connectionKeys.length > 0 ? connectionKeys.join(", ") : "none (add it under auth0kit:connections)"}`,
        });
        continue;
      }
      if (enabled.showAsButton !== undefined && connection.kind !== "enterprise") {
        issues.push({
          path: configPath(ROOT, organization.key, "connections", connectionKey, "showAsButton"),
          message: `only applies to enterprise connections ("${connectionKey}" is a ${connection.kind} connection); remove it`,
        });
      }
    }
  }
  return issues;
}

/**
 * Members of an organization sign in through an application with one of the organization's
 * connections, so for every application that requires organizations, each organization
 * connection must also be enabled for that application.
 */
export function organizationConnectionsEnabledForApplications(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const requiring = Object.values(spec.applications).filter((app) => app.organizations?.usage === "require");
  for (const organization of Object.values(spec.organizations)) {
    for (const connectionKey of Object.keys(organization.connections)) {
      const connection = entryOf(spec.connections, connectionKey);
      if (connection === undefined) continue;
      const missing = requiring.filter((app) => !connection.applications.includes(app.key)).map((app) => app.key);
      if (missing.length > 0) {
        issues.push({
          path: configPath(ROOT, organization.key, "connections", connectionKey),
          message: `connection "${connectionKey}" is not enabled for ${missing.join(", ")}, which require${missing.length === 1 ? "s" : ""} organizations, so members could not sign in there; add ${missing.join(", ")} to auth0kit:connections.${connectionKey}.applications`,
        });
      }
    }
  }
  return issues;
}
