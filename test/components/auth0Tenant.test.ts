import { beforeAll, describe, expect, it } from "vitest";
import { type MockHarness, placeholder, setupMocks, TYPES, unwrap } from "../mocks";
import { specOf, tenantConfig } from "./fixtures";

let mocks: MockHarness;
let tenant: import("../../components/auth0Tenant").Auth0Tenant;

beforeAll(async () => {
  mocks = await setupMocks();
  const { Auth0Tenant } = await import("../../components/auth0Tenant");
  tenant = new Auth0Tenant("tenant", { spec: specOf(tenantConfig()), secrets: {} });
});

describe("API", () => {
  it("enforces RBAC and puts permissions in the access token", async () => {
    const server = await mocks.findResource(TYPES.resourceServer, "tenant-api-core-server");
    expect(server.inputs).toMatchObject({
      identifier: "https://api.example.com/",
      signingAlg: "RS256",
      enforcePolicies: true,
      tokenDialect: "access_token_authz",
      tokenLifetime: 86400,
      tokenLifetimeForWeb: 7200,
      allowOfflineAccess: true,
      skipConsentForVerifiableFirstPartyClients: true,
      subjectTypeAuthorization: { user: { policy: "allow_all" }, client: { policy: "require_client_grant" } },
    });
  });

  it("owns all permissions in one ResourceServerScopes, sorted by name", async () => {
    const scopes = await mocks.findResource(TYPES.resourceServerScopes, "tenant-api-core-scopes");
    expect(scopes.inputs.scopes).toEqual([
      { name: "admin:all", description: "Everything" },
      { name: "read:things", description: "Read things" },
      { name: "write:things", description: "Change things" },
    ]);
    expect(scopes.parent).toBe("tenant-api-core");
  });

  it("does not protect APIs outside prod", async () => {
    expect((await mocks.findResource(TYPES.resourceServer, "tenant-api-core-server")).protect).toBe(false);
  });

  it("exposes the API identifier", async () => {
    expect(await unwrap(tenant.apis.core!.identifier)).toBe("https://api.example.com/");
  });
});

describe("applications", () => {
  it("gives a single-page application exactly its grant types and sorted URLs", async () => {
    const client = await mocks.findResource(TYPES.client, "tenant-app-web-client");
    expect(client.inputs).toMatchObject({
      name: "web",
      appType: "spa",
      grantTypes: ["authorization_code", "refresh_token"],
      callbacks: ["https://app.example.com/a-cb", "https://app.example.com/cb"],
      jwtConfiguration: { alg: "RS256", lifetimeInSeconds: 600 },
      organizationUsage: "require",
      organizationRequireBehavior: "pre_login_prompt",
    });
  });

  it("maps the refresh-token policy to rotating, expiring tokens", async () => {
    const client = await mocks.findResource(TYPES.client, "tenant-app-web-client");
    expect(client.inputs.refreshToken).toEqual({
      rotationType: "rotating",
      expirationType: "expiring",
      tokenLifetime: 86400,
      infiniteTokenLifetime: false,
      idleTokenLifetime: 43200,
      infiniteIdleTokenLifetime: false,
      leeway: 0,
    });
  });

  it("declares machine-to-machine applications as non_interactive with a client secret", async () => {
    const client = await mocks.findResource(TYPES.client, "tenant-app-worker-client");
    expect(client.inputs.appType).toBe("non_interactive");
    expect(client.inputs.grantTypes).toEqual(["client_credentials"]);
    const credentials = await mocks.findResource(TYPES.clientCredentials, "tenant-app-worker-credentials");
    expect(credentials.inputs).toEqual({
      clientId: placeholder("tenant-app-worker-client", "clientId"),
      authenticationMethod: "client_secret_post",
    });
  });

  it("keeps the client secret a secret output", async () => {
    expect(await unwrap(tenant.applications.worker!.clientSecret)).toBe("[secret]");
  });

  it("gives public clients no credentials resource", async () => {
    const credentials = (await mocks.ofType(TYPES.clientCredentials)).map((r) => r.name);
    expect(credentials).toEqual(["tenant-app-worker-credentials"]);
    expect(tenant.applications.web!.clientSecret).toBeUndefined();
  });

  it("grants exactly the configured permissions, after the API's permissions exist", async () => {
    const grant = await mocks.findResource(TYPES.clientGrant, "tenant-app-web-grant-api-core");
    expect(grant.inputs).toEqual({
      clientId: placeholder("tenant-app-web-client", "clientId"),
      audience: "https://api.example.com/",
      scopes: ["read:things", "write:things"],
      subjectType: "user",
    });
    expect(grant.dependsOn).toContain("tenant-api-core-scopes");
  });

  it("grants a machine-to-machine application as a client", async () => {
    const grant = await mocks.findResource(TYPES.clientGrant, "tenant-app-worker-grant-api-core");
    expect(grant.inputs.subjectType).toBe("client");
  });

  it("grants Management API scopes on the canonical domain's audience", async () => {
    const grant = await mocks.findResource(TYPES.clientGrant, "tenant-app-worker-grant-management");
    expect(grant.inputs).toEqual({
      clientId: placeholder("tenant-app-worker-client", "clientId"),
      audience: "https://example-dev.us.auth0.com/api/v2/",
      scopes: ["read:users", "update:users"],
      subjectType: "client",
    });
  });

  it("lets the device-code CLI allow organizations without requiring them", async () => {
    const client = await mocks.findResource(TYPES.client, "tenant-app-cli-client");
    expect(client.inputs).toMatchObject({
      appType: "native",
      grantTypes: ["refresh_token", "urn:ietf:params:oauth:grant-type:device_code"],
      organizationUsage: "allow",
    });
    expect(client.inputs.organizationRequireBehavior).toBeUndefined();
  });
});

describe("tenant settings", () => {
  it("keeps the locale order and never enables connections for every new application", async () => {
    const settings = await mocks.findResource(TYPES.tenant, "tenant-settings-tenant");
    expect(settings.inputs).toMatchObject({
      friendlyName: "Example",
      enabledLocales: ["fr", "en"],
      sessionLifetime: 168,
      idleSessionLifetime: 72,
      flags: { enableClientConnections: false },
    });
  });

  it("derives the issuer and JWKS URL from the tenant domain", () => {
    expect(tenant.issuer).toBe("https://example-dev.us.auth0.com/");
    expect(tenant.jwksUrl).toBe("https://example-dev.us.auth0.com/.well-known/jwks.json");
  });
});
