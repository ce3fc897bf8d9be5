import { ALLOWED_GRANT_TYPES, grantSubjectType } from "../defaults";
import { type ConfigIssue, configPath } from "../issues";
import { apiPermissionIssues } from "./apiPermissions";
import { GRANT_TYPES } from "../schema/applications";
import type { ApplicationSpec, TenantSpec } from "../spec";

const ROOT = "auth0kit:applications";

const TYPE_LABEL: Record<ApplicationSpec["type"], string> = {
  spa: "a single-page application",
  native: "a native application",
  regular_web: "a regular web application",
  m2m: "a machine-to-machine application",
};

/** The application type decides which grant types Auth0 lets it use. */
export function grantTypesForType(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const app of Object.values(spec.applications)) {
    const allowed = ALLOWED_GRANT_TYPES[app.type];
    app.grantTypes.forEach((grantType, index) => {
      if (!allowed.includes(grantType)) {
        issues.push({
          path: configPath(ROOT, app.key, "grantTypes", index),
          message: `${grantType} is not allowed on ${TYPE_LABEL[app.type]}; allowed: ${allowed.join(", ")}`,
        });
      }
    });
  }
  return issues;
}

/** A grant names an API of this stack and only permissions that API defines. */
export function grantsReferenceApis(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const app of Object.values(spec.applications)) {
    for (const [apiKey, grant] of Object.entries(app.grants)) {
      issues.push(...apiPermissionIssues(spec, configPath(ROOT, app.key, "grants", apiKey), apiKey, grant.permissions, "permissions"));
      if (!Object.hasOwn(spec.apis, apiKey)) continue;
      const subject = grantSubjectType(app, grant.subjectType);
      if (subject === "client" && !app.grantTypes.includes(GRANT_TYPES.clientCredentials)) {
        issues.push({
          path: configPath(ROOT, app.key, "grants", apiKey, "subjectType"),
          message: `a client grant needs the client_credentials grant type, which ${TYPE_LABEL[app.type]} does not have; use subjectType: user`,
        });
      }
    }
  }
  return issues;
}

/** Management API scopes are granted through client credentials, so only confidential clients hold them. */
export function managementApiScopesNeedClientCredentials(spec: TenantSpec): ConfigIssue[] {
  return Object.values(spec.applications)
    .filter((app) => app.managementApiScopes.length > 0 && !app.grantTypes.includes(GRANT_TYPES.clientCredentials))
    .map((app) => ({
      path: configPath(ROOT, app.key, "managementApiScopes"),
      message: `${TYPE_LABEL[app.type]} without client_credentials cannot call the Management API; move these scopes to an m2m application`,
    }));
}

/** Machine-to-machine clients have no browser: no URLs, no ID tokens, no refresh tokens, no login organizations. */
export function m2mHasNoInteractiveSettings(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const interactiveOnly = ["callbacks", "logoutUrls", "webOrigins", "allowedOrigins"] as const;
  for (const app of Object.values(spec.applications)) {
    if (app.type !== "m2m") continue;
    for (const field of interactiveOnly) {
      if (app[field].length > 0) {
        issues.push({ path: configPath(ROOT, app.key, field), message: "machine-to-machine applications have no browser flow; remove these URLs" });
      }
    }
    const extras: [keyof ApplicationSpec, string][] = [
      ["idTokenLifetime", "machine-to-machine applications get no ID tokens; remove it"],
      ["refreshToken", "machine-to-machine applications get no refresh tokens; remove it"],
      ["organizations", "organization login does not apply to machine-to-machine applications; remove it"],
    ];
    for (const [field, message] of extras) {
      if (app[field] !== undefined) issues.push({ path: configPath(ROOT, app.key, field), message });
    }
  }
  return issues;
}

/**
 * requireBehavior only means something when organizations are required, and Auth0's device
 * flow cannot carry an organization prompt, so device-code apps may allow but not require one.
 */
export function organizationUsage(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const app of Object.values(spec.applications)) {
    const orgs = app.organizations;
    if (orgs === undefined) continue;
    if (orgs.requireBehavior !== undefined && orgs.usage !== "require") {
      issues.push({
        path: configPath(ROOT, app.key, "organizations", "requireBehavior"),
        message: `only applies when usage is require (it is ${orgs.usage}); remove it or set usage: require`,
      });
    }
    if (orgs.usage === "require" && app.grantTypes.includes(GRANT_TYPES.deviceCode)) {
      issues.push({
        path: configPath(ROOT, app.key, "organizations", "usage"),
        message: "the device-code flow cannot require an organization; use usage: allow (Auth0's \"Business Users\" mode) so device login keeps working",
      });
    }
  }
  return issues;
}

/** Token exchange profiles are only usable by a client that has the token-exchange grant. */
export function tokenExchangeNeedsGrant(spec: TenantSpec): ConfigIssue[] {
  return Object.values(spec.applications)
    .filter((app) => app.tokenExchangeProfileTypes !== undefined && !app.grantTypes.includes(GRANT_TYPES.tokenExchange))
    .map((app) => ({
      path: configPath(ROOT, app.key, "tokenExchangeProfileTypes"),
      message: `needs the ${GRANT_TYPES.tokenExchange} grant type; add it to grantTypes`,
    }));
}
