import { type ConfigIssue, configPath, echo } from "../issues";
import type { EnterpriseStrategy } from "../schema/connections";
import { isProductionLike, type TenantSpec } from "../spec";

const ROOT = "auth0kit:connections";

/** A connection is enabled only for applications this stack defines. */
export function connectionsReferenceApplications(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const appKeys = Object.keys(spec.applications);
  for (const connection of Object.values(spec.connections)) {
    connection.applications.forEach((appKey, index) => {
      if (!Object.hasOwn(spec.applications, appKey)) {
        issues.push({
          path: configPath(ROOT, connection.key, "applications", index),
          message: `unknown application "${appKey}"; defined applications: ${appKeys.length > 0 ? appKeys.join(", ") : "none (add it under auth0kit:applications)"}`,
        });
      }
    });
  }
  return issues;
}

/** Auth0 connection names are unique in a tenant; compared without case, as Auth0 treats them as one. */
export function uniqueConnectionNames(spec: TenantSpec): ConfigIssue[] {
  const seen = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  for (const connection of Object.values(spec.connections)) {
    const first = seen.get(connection.name.toLowerCase());
    if (first !== undefined) {
      issues.push({
        path: configPath(ROOT, connection.key, "name"),
        message: `${echo(connection.name)} is already the name of connection "${first}"; connection names are unique in a tenant, so give this one another name`,
      });
    } else {
      seen.set(connection.name.toLowerCase(), connection.key);
    }
  }
  return issues;
}

type EnterpriseField =
  | "signInUrl" | "signOutUrl" | "signingCert" | "groupsAttribute" | "issuer" | "discoveryUrl" | "tenantDomain" | "domain" | "clientId" | "clientSecret"
  | "metadataUrl" | "metadataXml" | "serverUrl";

/** The fields each enterprise strategy needs, with what to put there. */
const REQUIRED_FIELDS: Readonly<Record<EnterpriseStrategy, readonly (readonly [EnterpriseField, string])[]>> = {
  samlp: [
    ["signInUrl", "set the IdP's single sign-on URL"],
    ["signingCert", "paste the IdP's X.509 signing certificate (PEM)"],
  ],
  oidc: [
    ["clientId", "set the client ID of the application registered at the IdP"],
    ["clientSecret", "reference its secret with { secret: <key> }"],
  ],
  waad: [
    ["tenantDomain", "set the Entra ID tenant's domain, e.g. acme.onmicrosoft.com"],
    ["clientId", "set the application (client) ID of the Entra ID app registration"],
    ["clientSecret", "reference its client secret with { secret: <key> }"],
  ],
  okta: [
    ["domain", "set the Okta organization's domain, e.g. acme.okta.com"],
    ["clientId", "set the client ID of the Okta OIDC app integration"],
    ["clientSecret", "reference its client secret with { secret: <key> }"],
  ],
  // One of metadataUrl and metadataXml: checked below.
  adfs: [],
  pingfederate: [
    ["serverUrl", "set the PingFederate server's base URL, e.g. https://sso.acme.com"],
    ["signingCert", "paste the PingFederate signing certificate (PEM)"],
  ],
  "google-apps": [
    ["domain", "set the Google Workspace domain, e.g. acme.com"],
    ["clientId", "set the OAuth client ID from the Google Cloud console"],
    ["clientSecret", "reference its client secret with { secret: <key> }"],
  ],
};

/** The fields each strategy accepts; the others would silently do nothing. */
const ALLOWED_FIELDS: Readonly<Record<EnterpriseStrategy, readonly EnterpriseField[]>> = {
  samlp: ["signInUrl", "signOutUrl", "signingCert", "groupsAttribute"],
  oidc: ["issuer", "discoveryUrl", "clientId", "clientSecret"],
  waad: ["tenantDomain", "clientId", "clientSecret"],
  okta: ["domain", "clientId", "clientSecret"],
  adfs: ["metadataUrl", "metadataXml"],
  pingfederate: ["serverUrl", "signingCert", "groupsAttribute"],
  "google-apps": ["domain", "clientId", "clientSecret"],
};

const ENTERPRISE_FIELDS: readonly EnterpriseField[] = [
  "signInUrl", "signOutUrl", "signingCert", "groupsAttribute", "issuer", "discoveryUrl", "tenantDomain", "domain", "clientId", "clientSecret",
  "metadataUrl", "metadataXml", "serverUrl",
];

/** An enterprise connection has every field its strategy needs, and none that another strategy uses. */
export function enterpriseConnectionFields(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const connection of Object.values(spec.connections)) {
    if (connection.kind !== "enterprise") continue;
    const { strategy } = connection;
    for (const [field, fix] of REQUIRED_FIELDS[strategy]) {
      if (connection[field] === undefined) {
        issues.push({ path: configPath(ROOT, connection.key, field), message: `required for ${strategy} connections; ${fix}` });
      }
    }
    if (strategy === "oidc" && connection.issuer === undefined && connection.discoveryUrl === undefined) {
      issues.push({
        path: configPath(ROOT, connection.key, "issuer"),
        message: "an oidc connection needs issuer or discoveryUrl; set the IdP's issuer URL or its .well-known/openid-configuration URL",
      });
    }
    if (strategy === "adfs" && (connection.metadataUrl === undefined) === (connection.metadataXml === undefined)) {
      issues.push({
        path: configPath(ROOT, connection.key, connection.metadataUrl === undefined ? "metadataUrl" : "metadataXml"),
        message: "an adfs connection needs exactly one of metadataUrl (the federation metadata URL) and metadataXml (the document itself)",
      });
    }
    for (const field of ENTERPRISE_FIELDS) {
      if (connection[field] !== undefined && !ALLOWED_FIELDS[strategy].includes(field)) {
        issues.push({ path: configPath(ROOT, connection.key, field), message: `does not apply to ${strategy} connections; remove it` });
      }
    }
    if (connection.groupsAttribute !== undefined && !connection.syncGroups && (strategy === "samlp" || strategy === "pingfederate")) {
      issues.push({ path: configPath(ROOT, connection.key, "groupsAttribute"), message: "is only used when syncGroups is true; remove it or turn syncGroups on" });
    }
  }
  return issues;
}

/** Home-realm discovery sends an email domain to one connection; two would make the choice arbitrary. */
export function uniqueDomainAliases(spec: TenantSpec): ConfigIssue[] {
  const seen = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  for (const connection of Object.values(spec.connections)) {
    if (connection.kind !== "enterprise") continue;
    connection.domainAliases.forEach((alias, index) => {
      const first = seen.get(alias);
      if (first !== undefined && first !== connection.key) {
        issues.push({
          path: configPath(ROOT, connection.key, "domainAliases", index),
          message: `${alias} already signs in through connection "${first}"; an email domain can belong to one connection only`,
        });
      } else {
        seen.set(alias, connection.key);
      }
    });
  }
  return issues;
}

/**
 * A social connection's client ID and secret come together. Without them Auth0 uses its own
 * developer keys, which are for testing only: allowed in dev, refused in stage and prod.
 */
export function socialCredentials(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const connection of Object.values(spec.connections)) {
    if (connection.kind !== "social") continue;
    const hasId = connection.clientId !== undefined;
    const hasSecret = connection.clientSecret !== undefined;
    if (hasId && !hasSecret) {
      issues.push({ path: configPath(ROOT, connection.key, "clientSecret"), message: "required with clientId; reference the client secret with { secret: <key> }" });
    } else if (hasSecret && !hasId) {
      issues.push({ path: configPath(ROOT, connection.key, "clientId"), message: "required with clientSecret; set the client ID from the provider's developer console" });
    }
  }
  return issues;
}

/** Guardrail: stage and prod never sign users in through Auth0's shared developer keys. */
export function socialCredentialsInProduction(spec: TenantSpec): ConfigIssue[] {
  if (!isProductionLike(spec.environment)) return [];
  return Object.values(spec.connections)
    .filter((connection) => connection.kind === "social" && connection.clientId === undefined && connection.clientSecret === undefined)
    .map((connection) => ({
      path: configPath(ROOT, connection.key),
      message: `needs its own credentials in ${spec.environment}: Auth0's developer keys are for testing only; set clientId and clientSecret: { secret: <key> } from the ${connection.kind === "social" ? connection.strategy : ""} developer console`,
    }));
}
