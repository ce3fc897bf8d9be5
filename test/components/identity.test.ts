import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlannedResource } from "../../plan/mockRuntime";
import { type MockHarness, placeholder, setupMocks, TYPES, unwrap } from "../mocks";
import { asStackConfig, tenantConfig } from "./fixtures";
import { loadSpec } from "../../config/load";
import type { TenantSpec } from "../../config/spec";
import type { SecretValues } from "../../components/secrets";

const SECRET_KEYS = ["googleClientSecret", "githubClientSecret", "oidcClientSecret", "entraClientSecret", "oktaClientSecret", "workspaceClientSecret", "sendgridApiKey"];

/** The fixture tenant plus one connection of every strategy and two organizations. */
function identityConfig(environment = "dev"): Record<string, unknown> {
  const secret = (key: string) => ({ secret: key });
  return {
    ...tenantConfig(environment),
    ...Object.fromEntries(SECRET_KEYS.filter((key) => key !== "sendgridApiKey" || environment !== "dev").map((key) => [`auth0kit:${key}`, "s3cr3t-value"])),
    "auth0kit:connections": {
      users: {
        kind: "database",
        name: "Username-Password-Authentication",
        applications: ["web", "cli"],
        passwordPolicy: "excellent",
        passwordHistory: 5,
        passwordMinLength: 12,
        disableSignup: true,
        requiresUsername: true,
      },
      google: { kind: "social", strategy: "google-oauth2", name: "google-oauth2", applications: ["web"], clientId: "123.apps.googleusercontent.com", clientSecret: secret("googleClientSecret") },
      github: { kind: "social", strategy: "github", applications: ["cli", "web"], clientId: "Iv1.abc", clientSecret: secret("githubClientSecret"), scopes: ["read_user", "email", "read_org"] },
      "acme-saml": {
        kind: "enterprise",
        strategy: "samlp",
        applications: ["web"],
        signInUrl: "https://idp.acme.com/sso",
        signOutUrl: "https://idp.acme.com/slo",
        signingCert: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        domainAliases: ["acme.io", "acme.com"],
      },
      "initech-oidc": {
        kind: "enterprise",
        strategy: "oidc",
        applications: ["web"],
        discoveryUrl: "https://login.initech.com/.well-known/openid-configuration",
        clientId: "initech-client",
        clientSecret: secret("oidcClientSecret"),
      },
      "globex-entra": {
        kind: "enterprise",
        strategy: "waad",
        applications: ["web"],
        tenantDomain: "globex.onmicrosoft.com",
        clientId: "00000000-0000-0000-0000-000000000001",
        clientSecret: secret("entraClientSecret"),
        domainAliases: ["globex.com"],
      },
      "hooli-okta": {
        kind: "enterprise",
        strategy: "okta",
        applications: ["web"],
        domain: "hooli.okta.com",
        clientId: "0oa1hooli",
        clientSecret: secret("oktaClientSecret"),
        syncGroups: false,
      },
      "umbrella-adfs": { kind: "enterprise", strategy: "adfs", applications: ["web"], metadataUrl: "https://adfs.umbrella.com/FederationMetadata/2007-06/FederationMetadata.xml" },
      "tyrell-ping": { kind: "enterprise", strategy: "pingfederate", applications: ["web"], serverUrl: "https://sso.tyrell.com", signingCert: "MIIBping", groupsAttribute: "memberOf" },
      "wayne-workspace": {
        kind: "enterprise",
        strategy: "google-apps",
        applications: ["web"],
        domain: "wayne.com",
        clientId: "wayne.apps.googleusercontent.com",
        clientSecret: secret("workspaceClientSecret"),
        domainAliases: ["wayne.com"],
      },
    },
    "auth0kit:organizations": {
      acme: {
        displayName: "Acme Corp",
        branding: { logoUrl: "https://cdn.acme.com/logo.png", colors: { primary: "#0059d6", pageBackground: "#ffffff" } },
        connections: { "acme-saml": {}, users: { assignMembershipOnLogin: true } },
      },
      globex: { name: "globex_inc", connections: { "globex-entra": { showAsButton: false } } },
    },
  };
}

interface Declared {
  mocks: MockHarness;
  tenant: import("../../components/auth0Tenant").Auth0Tenant;
  spec: TenantSpec;
  secrets: SecretValues;
}

async function declare(environment: string, protectCritical: boolean): Promise<Declared> {
  const mocks = await setupMocks();
  const { Auth0Tenant } = await import("../../components/auth0Tenant");
  const config = identityConfig(environment);
  const secretKeys = new Set(SECRET_KEYS.map((key) => `auth0kit:${key}`).filter((key) => key in config));
  const spec = loadSpec({ values: asStackConfig(config), secretKeys });
  const secrets = Object.fromEntries(spec.secretRefs.map((key) => [key, pulumi.secret("s3cr3t-value")]));
  const tenant = new Auth0Tenant("tenant", { spec, secrets, protectCritical });
  return { mocks, tenant, spec, secrets };
}

const connectionOf = (mocks: MockHarness, key: string) => mocks.findResource(TYPES.connection, `tenant-connection-${key}-connection`);

describe("connections and organizations (dev)", () => {
  let mocks: MockHarness;
  let tenant: import("../../components/auth0Tenant").Auth0Tenant;
  let spec: TenantSpec;
  let secrets: SecretValues;

  beforeAll(async () => {
    ({ mocks, tenant, spec, secrets } = await declare("dev", false));
  });

  /** An enterprise connection's options as the component builds them, outputs resolved. */
  async function enterpriseOptionsOf(key: string): Promise<unknown> {
    const { enterpriseOptions } = await import("../../components/connection");
    const connection = spec.connections[key]!;
    if (connection.kind !== "enterprise") throw new Error("not enterprise");
    return { options: await unwrap(enterpriseOptions(connection, secrets)) };
  }

  it("declares the database connection with strategy auth0 and its password policy", async () => {
    const db = await connectionOf(mocks, "users");
    expect(db.parent).toBe("tenant");
    expect(db.inputs).toEqual({
      name: "Username-Password-Authentication",
      strategy: "auth0",
      options: {
        passwordPolicy: "excellent",
        passwordHistories: [{ enable: true, size: 5 }],
        passwordDictionary: { enable: true },
        passwordNoPersonalInfo: { enable: true },
        passwordComplexityOptions: { minLength: 12 },
        disableSignup: true,
        requiresUsername: true,
        bruteForceProtection: true,
      },
    });
  });

  it("retains every database connection on delete, and only database connections", async () => {
    const retained = (await mocks.ofType(TYPES.connection)).filter((r) => r.retainOnDelete).map((r) => r.name);
    expect(retained).toEqual(["tenant-connection-users-connection"]);
  });

  it("protects no connection or organization outside prod", async () => {
    const protectedOnes = [...(await mocks.ofType(TYPES.connection)), ...(await mocks.ofType(TYPES.organization))].filter((r) => r.protect);
    expect(protectedOnes).toEqual([]);
  });

  it("declares every connection's resources directly under the tenant, with no component per connection", async () => {
    // Their aliases to the former components' URNs are checked under Pulumi's runner
    // (test/stacks/pulumiRunner.test.ts), which sees the registrations as the engine does.
    const connection = tenant.connections["acme-saml"]!;
    expect(await Promise.all([connection.connection.urn, connection.clients.urn].map(unwrap))).toEqual([
      "urn:pulumi:test::auth0kit::auth0kit:tenant:Auth0Tenant$auth0:index/connection:Connection::tenant-connection-acme-saml-connection",
      "urn:pulumi:test::auth0kit::auth0kit:tenant:Auth0Tenant$auth0:index/connectionClients:ConnectionClients::tenant-connection-acme-saml-clients",
    ]);
    expect((await mocks.resources()).filter((r) => r.type.startsWith("auth0kit:connection:"))).toEqual([]);
  });

  it("retains only database connections on delete", async () => {
    const retained = (await mocks.ofType(TYPES.connection)).filter((r) => r.retainOnDelete).map((r) => r.name);
    expect(retained).toEqual(["tenant-connection-users-connection"]);
  });

  it("turns password history off with history 0", async () => {
    // The fixture's database connection keeps 5; a second tenant is not needed to see the mapping.
    const { declareConnection } = await import("../../components/connection");
    declareConnection("nohistory", {
      connection: { kind: "database", key: "x", name: "x", applications: [], passwordPolicy: "good", passwordHistory: 0, passwordDictionary: false, passwordNoPersonalInfo: false, disableSignup: false, requiresUsername: false, bruteForceProtection: true },
      clientIds: {},
    }, { parent: tenant });
    const db = await mocks.findResource(TYPES.connection, "nohistory-connection");
    expect(db.inputs.options).toMatchObject({ passwordHistories: [{ enable: false }], passwordDictionary: { enable: false } });
    expect((db.inputs.options as Record<string, unknown>).passwordComplexityOptions).toBeUndefined();
    expect(db.retainOnDelete).toBe(true);
  });

  it.each([
    ["google", "google-oauth2", "google-oauth2"],
    ["github", "github", "github"],
  ])("declares the %s connection with strategy %s and masks only the client secret in its options", async (key, name, strategy) => {
    const social = await connectionOf(mocks, key);
    expect(social.inputs).toMatchObject({ name, strategy, options: { clientSecret: "[secret]" } });
    expect(JSON.stringify(await mocks.resources())).not.toContain("s3cr3t-value");
  });

  it.each([
    ["google", "123.apps.googleusercontent.com", ["email", "profile"]],
    ["github", "Iv1.abc", ["email", "read_org", "read_user"]],
  ])("gives the %s connection its client ID, sorted scopes and a secret client secret", async (key, clientId, scopes) => {
    const { socialOptions } = await import("../../components/connection");
    const social = spec.connections[key]!;
    if (social.kind !== "social") throw new Error("not social");
    expect(await unwrap(socialOptions(social, secrets))).toEqual({ clientId, clientSecret: "[secret]", scopes });
  });

  it("declares a SAML connection with its endpoints, certificate, domains and a groups fields map", async () => {
    const saml = await connectionOf(mocks, "acme-saml");
    expect(saml.inputs).toEqual({
      name: "acme-saml",
      strategy: "samlp",
      options: {
        domainAliases: ["acme.com", "acme.io"],
        signInEndpoint: "https://idp.acme.com/sso",
        signOutEndpoint: "https://idp.acme.com/slo",
        signingCert: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        fieldsMap: '{"groups":"http://schemas.xmlsoap.org/claims/Group"}',
      },
    });
  });

  it("declares an OIDC connection that binds all claims, groups included, with a secret client secret", async () => {
    expect(await connectionOf(mocks, "initech-oidc")).toMatchObject({ inputs: { name: "initech-oidc", strategy: "oidc", options: { clientSecret: "[secret]" } } });
    expect(await enterpriseOptionsOf("initech-oidc")).toEqual({
      options: {
        type: "back_channel",
        discoveryUrl: "https://login.initech.com/.well-known/openid-configuration",
        clientId: "initech-client",
        clientSecret: "[secret]",
        scopes: ["email", "groups", "openid", "profile"],
        attributeMap: { mappingMode: "bind_all", userinfoScope: "openid email profile groups" },
      },
    });
  });

  it("declares an Entra ID connection that requests the groups extended attribute", async () => {
    expect(await connectionOf(mocks, "globex-entra")).toMatchObject({ inputs: { name: "globex-entra", strategy: "waad", options: { clientSecret: "[secret]" } } });
    expect(await enterpriseOptionsOf("globex-entra")).toEqual({
      options: {
        tenantDomain: "globex.onmicrosoft.com",
        domain: "globex.onmicrosoft.com",
        clientId: "00000000-0000-0000-0000-000000000001",
        clientSecret: "[secret]",
        identityApi: "microsoft-identity-platform-v2.0",
        waadProtocol: "openid-connect",
        useWsfed: false,
        scopes: ["basic_profile", "ext_groups", "ext_profile"],
        apiEnableUsers: true,
      },
    });
  });

  it("declares an Okta connection on its domain, without a groups map when groups are not synced", async () => {
    expect(await connectionOf(mocks, "hooli-okta")).toMatchObject({ inputs: { name: "hooli-okta", strategy: "okta", options: { clientSecret: "[secret]" } } });
    expect(await enterpriseOptionsOf("hooli-okta")).toEqual({
      options: {
        type: "back_channel",
        domain: "hooli.okta.com",
        issuer: "https://hooli.okta.com",
        clientId: "0oa1hooli",
        clientSecret: "[secret]",
        scopes: ["email", "openid", "profile"],
      },
    });
  });

  it("declares an ADFS connection from its federation metadata URL", async () => {
    expect(await connectionOf(mocks, "umbrella-adfs")).toMatchObject({ inputs: { strategy: "adfs" } });
    expect(await enterpriseOptionsOf("umbrella-adfs")).toEqual({ options: { adfsServer: "https://adfs.umbrella.com/FederationMetadata/2007-06/FederationMetadata.xml" } });
  });

  it("declares a PingFederate connection on its server, its groups attribute mapped to groups", async () => {
    expect(await connectionOf(mocks, "tyrell-ping")).toMatchObject({ inputs: { strategy: "pingfederate" } });
    expect(await enterpriseOptionsOf("tyrell-ping")).toEqual({
      options: { pingFederateBaseUrl: "https://sso.tyrell.com", signingCert: "MIIBping", fieldsMap: '{"groups":"memberOf"}' },
    });
  });

  it("declares a Google Workspace connection that reads groups through the Directory API, its secret a secret", async () => {
    expect(await connectionOf(mocks, "wayne-workspace")).toMatchObject({ inputs: { strategy: "google-apps", options: { domainAliases: ["wayne.com"], clientSecret: "[secret]" } } });
    expect(await enterpriseOptionsOf("wayne-workspace")).toEqual({
      options: {
        domain: "wayne.com",
        tenantDomain: "wayne.com",
        clientId: "wayne.apps.googleusercontent.com",
        clientSecret: "[secret]",
        apiEnableUsers: true,
        scopes: ["email", "ext_groups", "profile"],
      },
    });
  });

  it("enables each connection for exactly its applications, sorted by application key, through one ConnectionClients", async () => {
    const clients = (await mocks.ofType(TYPES.connectionClients)).filter((r) => r.name.startsWith("tenant-"));
    const byName = Object.fromEntries(clients.map((r) => [r.name, r.inputs]));
    expect(Object.keys(byName).sort()).toEqual(
      ["acme-saml", "github", "globex-entra", "google", "hooli-okta", "initech-oidc", "tyrell-ping", "umbrella-adfs", "users", "wayne-workspace"].map((key) => `tenant-connection-${key}-clients`),
    );
    expect(byName["tenant-connection-users-clients"]).toEqual({
      connectionId: placeholder("tenant-connection-users-connection", "id"),
      enabledClients: [placeholder("tenant-app-cli-client", "clientId"), placeholder("tenant-app-web-client", "clientId")],
    });
    expect(byName["tenant-connection-github-clients"]!.enabledClients).toEqual([
      placeholder("tenant-app-cli-client", "clientId"),
      placeholder("tenant-app-web-client", "clientId"),
    ]);
    expect(byName["tenant-connection-google-clients"]!.enabledClients).toEqual([placeholder("tenant-app-web-client", "clientId")]);
  });

  it("declares organizations with their names, display names and branding", async () => {
    const acme = await mocks.findResource(TYPES.organization, "tenant-org-acme-organization");
    expect(acme.inputs).toEqual({
      name: "acme",
      displayName: "Acme Corp",
      branding: { logoUrl: "https://cdn.acme.com/logo.png", colors: { primary: "#0059d6", page_background: "#ffffff" } },
    });
    const globex = await mocks.findResource(TYPES.organization, "tenant-org-globex-organization");
    expect(globex.inputs).toEqual({ name: "globex_inc", displayName: "globex_inc" });
  });

  it("gives each organization exactly its connections, sorted by connection key, in one OrganizationConnections", async () => {
    const acme = await mocks.findResource(TYPES.organizationConnections, "tenant-org-acme-connections");
    expect(acme.inputs).toEqual({
      organizationId: placeholder("tenant-org-acme-organization", "id"),
      enabledConnections: [
        { connectionId: placeholder("tenant-connection-acme-saml-connection", "id"), assignMembershipOnLogin: false },
        { connectionId: placeholder("tenant-connection-users-connection", "id"), assignMembershipOnLogin: true },
      ],
    });
    const globex = await mocks.findResource(TYPES.organizationConnections, "tenant-org-globex-connections");
    expect(globex.inputs.enabledConnections).toEqual([
      { connectionId: placeholder("tenant-connection-globex-entra-connection", "id"), assignMembershipOnLogin: false, showAsButton: false },
    ]);
  });

  it("declares no singular ConnectionClient or OrganizationConnection", async () => {
    expect(await mocks.ofType(TYPES.connectionClient)).toEqual([]);
    expect(await mocks.ofType(TYPES.organizationConnection)).toEqual([]);
  });

  it("exposes connection and organization IDs and names", async () => {
    expect(await unwrap(tenant.organizations.acme!.id)).toBe(placeholder("tenant-org-acme-organization", "id"));
    expect(await unwrap(tenant.connections.users!.id)).toBe(placeholder("tenant-connection-users-connection", "id"));
    expect(await unwrap(tenant.connections.users!.name)).toBe("Username-Password-Authentication");
  });
});

describe("connections and organizations (prod)", () => {
  let resources: PlannedResource[];

  beforeAll(async () => {
    const { mocks } = await declare("prod", true);
    resources = await mocks.resources();
  });

  it("protects every connection and organization, and still retains the database connection", () => {
    const connections = resources.filter((r) => r.type === TYPES.connection);
    expect(connections.length).toBe(10);
    expect(connections.every((r) => r.protect)).toBe(true);
    expect(connections.filter((r) => r.retainOnDelete).map((r) => r.name)).toEqual(["tenant-connection-users-connection"]);
    const organizations = resources.filter((r) => r.type === TYPES.organization);
    expect(organizations.map((r) => [r.name, r.protect])).toEqual([
      ["tenant-org-acme-organization", true],
      ["tenant-org-globex-organization", true],
    ]);
  });
});
