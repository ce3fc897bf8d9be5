/**
 * Synthetic B2B stacks for the benchmark (`npm run bench`): one organization per customer, each
 * with its own enterprise connection (okta and samlp alternating) enabled for the tenant's
 * interactive applications, on top of one API, a database connection and three applications.
 * Pure: builds a StackConfig, writes nothing.
 */
import type { StackConfig } from "../config/load";
import type { PlanTier } from "../config/schema/tenant";

/** Interactive applications every customer connection is enabled for. */
export const SYNTHETIC_INTERACTIVE_APPS = ["cli", "spa"] as const;

/**
 * Resources a synthetic stack declares, by organization count: `custom` provider resources
 * (per organization: Organization, OrganizationConnections, Connection, ConnectionClients) and
 * `total` registrations (also the Organization and EnterpriseConnection components).
 */
export function syntheticResourceCount(organizations: number): { custom: number; total: number } {
  // Fixed: tenant settings, API + scopes, 3 clients, 1 client credentials, 1 grant, database
  // connection + its clients, attack protection, Guardian, log stream + its generated bearer
  // secret, email provider = 15 resources; components: tenant, settings, api, 3 applications,
  // database connection, attack protection, MFA, log stream, email = 11.
  return { custom: 15 + 4 * organizations, total: 26 + 6 * organizations };
}

/** The organization key of customer `index` (1-based): `customer-0001`. */
export function organizationKey(index: number): string {
  return `customer-${String(index).padStart(4, "0")}`;
}

/** The stack's `config:` section as plain values (what a Pulumi.<stack>.yaml would hold). */
export function syntheticB2BConfig(organizations: number, planTier: PlanTier = "enterprise"): Record<string, unknown> {
  const connections: Record<string, unknown> = {
    "username-password": {
      kind: "database",
      name: "Username-Password-Authentication",
      passwordPolicy: "excellent",
      applications: [...SYNTHETIC_INTERACTIVE_APPS],
    },
  };
  const orgs: Record<string, unknown> = {};
  for (let index = 1; index <= organizations; index++) {
    const key = organizationKey(index);
    const connectionKey = `${key}-sso`;
    const host = `${key}.example.com`;
    connections[connectionKey] =
      index % 2 === 1
        ? {
            kind: "enterprise",
            strategy: "okta",
            domain: `${key}.okta.com`,
            clientId: `okta-client-${index}`,
            clientSecret: { secret: `customer${String(index).padStart(4, "0")}OktaSecret` },
            domainAliases: [host],
            applications: [...SYNTHETIC_INTERACTIVE_APPS],
          }
        : {
            kind: "enterprise",
            strategy: "samlp",
            signInUrl: `https://idp.${host}/sso/saml`,
            signingCert: "MIIC-synthetic-certificate-body",
            domainAliases: [host],
            applications: [...SYNTHETIC_INTERACTIVE_APPS],
          };
    orgs[key] = {
      displayName: `Customer ${index}`,
      connections: { [connectionKey]: { assignMembershipOnLogin: true, showAsButton: true } },
    };
  }
  return {
    "auth0:domain": "bench-b2b.us.auth0.com",
    "auth0kit:environment": "prod",
    "auth0kit:tenant": { friendlyName: "Bench B2B", planTier },
    "auth0kit:apis": {
      api: {
        identifier: "https://api.bench.example.com/",
        rbac: true,
        permissionsInToken: true,
        permissions: { "read:data": "Read data", "write:data": "Write data", "admin:org": "Administer the organization" },
      },
    },
    "auth0kit:applications": {
      spa: {
        type: "spa",
        callbacks: ["https://app.bench.example.com/callback"],
        logoutUrls: ["https://app.bench.example.com/"],
        webOrigins: ["https://app.bench.example.com"],
        refreshToken: { rotation: true, absoluteLifetime: "24h" },
        organizations: { usage: "allow" },
      },
      cli: {
        type: "native",
        grantTypes: ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"],
        refreshToken: { rotation: true, absoluteLifetime: "30d" },
        organizations: { usage: "allow" },
      },
      backend: { type: "m2m", grants: { api: { permissions: ["read:data"] } } },
    },
    "auth0kit:connections": connections,
    "auth0kit:organizations": orgs,
    // What the production guardrails require of a prod stack.
    "auth0kit:mfa": { policy: "confidence-score", factors: { otp: true, webauthnRoaming: true, recoveryCodes: true } },
    "auth0kit:logStreams": { audit: { type: "webhook", url: "https://api.bench.example.com/auth0/logs" } },
    "auth0kit:email": { provider: { sendgrid: { apiKey: { secret: "sendgridApiKey" } } }, from: "Bench <no-reply@bench.example.com>" },
  };
}

/** Values as Pulumi hands them to a program: keys qualified, structured values as JSON text. */
export function toStackConfig(values: Record<string, unknown>): StackConfig {
  return {
    values: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)])),
    secretKeys: new Set(),
  };
}
