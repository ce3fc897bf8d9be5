/**
 * Synthetic B2B stacks for the benchmark (`npm run bench`): one organization per customer, each
 * with its own enterprise connection (SAML, and Okta with a client secret for one customer in ten) enabled for the tenant's
 * interactive applications, on top of one API, a database connection and three applications.
 * Large tenants keep their customers in organization files (docs/scale.md), and so do these.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import type { SourceReader } from "../config/actionSources";
import type { StackConfig } from "../config/load";
import type { PlanTier } from "../config/schema/tenant";

/** Interactive applications every customer connection is enabled for. */
export const SYNTHETIC_INTERACTIVE_APPS = ["cli", "spa"] as const;

/**
 * Resources a synthetic stack declares, by organization count: `custom` provider resources
 * (per organization: Organization, OrganizationConnections, Connection, ConnectionClients) and
 * `total` registrations (also the components; none per organization).
 */
export function syntheticResourceCount(organizations: number): { custom: number; total: number } {
  // Fixed: tenant settings, API + scopes, 3 clients, 1 client credentials, 1 grant, database
  // connection + its clients, attack protection, Guardian, log stream + its generated bearer
  // secret, email provider = 15 resources; components: tenant, settings, api, 3 applications,
  // attack protection, MFA, log stream, email = 10.
  return { custom: 15 + 4 * organizations, total: 25 + 4 * organizations };
}

/** The organization key of customer `index` (1-based): `customer-0001`. */
export function organizationKey(index: number): string {
  return `customer-${String(index).padStart(4, "0")}`;
}

/** One customer in ten brings an OpenID Connect IdP (Okta) with a client secret; the rest SAML. */
export const SYNTHETIC_OKTA_EVERY = 10;

/** Customer `index`'s organization and its enterprise connection, by key. */
function syntheticCustomer(index: number): { organizations: Record<string, unknown>; connections: Record<string, unknown> } {
  const key = organizationKey(index);
  const connectionKey = `${key}-sso`;
  const host = `${key}.example.com`;
  const connection =
    index % SYNTHETIC_OKTA_EVERY === 1
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
  return {
    organizations: { [key]: { displayName: `Customer ${index}`, connections: { [connectionKey]: { assignMembershipOnLogin: true, showAsButton: true } } } },
    connections: { [connectionKey]: connection },
  };
}

/** A synthetic stack: its `config:` section and, in the files layout, its organization files by project-relative path. */
export interface SyntheticStack {
  readonly config: Record<string, unknown>;
  readonly files: Readonly<Record<string, string>>;
}

/**
 * A synthetic B2B stack of `organizations` customers. `layout: "files"` (what a large tenant
 * does, docs/scale.md) puts each customer in `<directory>/<key>.yaml`, named by
 * `auth0kit:organizationFiles`; `"inline"` keeps them in the stack file's own keys.
 */
export function syntheticB2BStack(
  organizations: number,
  options: { readonly layout: "files" | "inline"; readonly directory?: string; readonly planTier?: PlanTier },
): SyntheticStack {
  const directory = options.directory ?? "customers";
  const connections: Record<string, unknown> = {
    "username-password": {
      kind: "database",
      name: "Username-Password-Authentication",
      passwordPolicy: "excellent",
      applications: [...SYNTHETIC_INTERACTIVE_APPS],
    },
  };
  const orgs: Record<string, unknown> = {};
  const files: Record<string, string> = {};
  for (let index = 1; index <= organizations; index++) {
    const customer = syntheticCustomer(index);
    if (options.layout === "files") {
      files[`${directory}/${organizationKey(index)}.yaml`] = stringify(customer);
    } else {
      Object.assign(orgs, customer.organizations);
      Object.assign(connections, customer.connections);
    }
  }
  const config: Record<string, unknown> = {
    "auth0:domain": "bench-b2b.us.auth0.com",
    "auth0kit:environment": "prod",
    "auth0kit:tenant": { friendlyName: "Bench B2B", planTier: options.planTier ?? "enterprise" },
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
    ...(options.layout === "inline" ? { "auth0kit:organizations": orgs } : { "auth0kit:organizationFiles": [`${directory}/`] }),
    // What the production guardrails require of a prod stack.
    "auth0kit:mfa": { policy: "confidence-score", factors: { otp: true, webauthnRoaming: true, recoveryCodes: true } },
    "auth0kit:logStreams": { audit: { type: "webhook", url: "https://api.bench.example.com/auth0/logs" } },
    "auth0kit:email": { provider: { sendgrid: { apiKey: { secret: "sendgridApiKey" } } }, from: "Bench <no-reply@bench.example.com>" },
    // Organization-only connections need a post-login Action, which would change what the
    // benchmark measures; one reviewed override covers every customer connection instead.
    "auth0kit:overrides": [
      {
        rule: "organization-only-connections",
        path: "auth0kit:connections",
        reason: "Benchmark tenant: it deploys no Actions, so its customer connections stay open to sign-ins without the organization.",
      },
    ],
  };
  return { config, files };
}

/** Writes a stack's organization files under `root` (the project), replacing whatever its directories held. */
export function writeSyntheticFiles(root: string, stack: SyntheticStack): void {
  const directories = new Set(Object.keys(stack.files).map((file) => path.dirname(file)));
  for (const directory of directories) {
    fs.rmSync(path.join(root, directory), { recursive: true, force: true });
    fs.mkdirSync(path.join(root, directory), { recursive: true });
  }
  for (const [file, text] of Object.entries(stack.files)) fs.writeFileSync(path.join(root, file), text);
}

/** Reads a stack's organization files from memory, as the program reads them from the project. */
export function syntheticReader(stack: SyntheticStack): SourceReader {
  const read = (file: string) => stack.files[file];
  const list = (directory: string) => {
    const names = Object.keys(stack.files)
      .filter((file) => path.dirname(file) === directory)
      .map((file) => path.basename(file))
      .sort();
    return names.length === 0 ? undefined : names;
  };
  return Object.assign(read, { list });
}

/** Values as Pulumi hands them to a program: keys qualified, structured values as JSON text. */
export function toStackConfig(values: Record<string, unknown>): StackConfig {
  return {
    values: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)])),
    secretKeys: new Set(),
  };
}
