import { describe, expect, it } from "vitest";
import type { ConnectionSpec } from "../../config/spec";
import { configWith, issuesOf, specOf, type ConfigInput } from "./fixtures";

const GOOGLE_SECRET = "auth0kit:googleClientSecret";
const OKTA_SECRET = "auth0kit:acmeOktaClientSecret";

function withConnections(connections: Record<string, unknown>, extra: ConfigInput = {}): ConfigInput {
  return configWith({ "auth0kit:connections": connections, ...extra });
}

const okta = { kind: "enterprise", strategy: "okta", domain: "acme.okta.com", clientId: "0oa1", clientSecret: { secret: "acmeOktaClientSecret" } };

describe("auth0kit:connections schema", () => {
  it("fills a database connection's defaults: good policy, history 5, dictionary and personal-info checks, sign-up open", () => {
    const spec = specOf(withConnections({ users: { kind: "database" } }));
    expect(spec.connections.users).toEqual({
      kind: "database",
      key: "users",
      name: "users",
      applications: [],
      passwordPolicy: "good",
      passwordHistory: 5,
      passwordDictionary: true,
      passwordNoPersonalInfo: true,
      disableSignup: false,
      requiresUsername: false,
      bruteForceProtection: true,
    } satisfies ConnectionSpec);
  });

  it("gives social connections their strategy's default scopes", () => {
    const spec = specOf(withConnections({ google: { kind: "social", strategy: "google-oauth2" }, github: { kind: "social", strategy: "github" } }));
    expect(spec.connections.google).toMatchObject({ scopes: ["email", "profile"] });
    expect(spec.connections.github).toMatchObject({ scopes: ["email", "read_user"] });
  });

  it("names an unknown kind and lists the kinds", () => {
    expect(issuesOf(withConnections({ ldap: { kind: "ldap" } }))).toEqual([
      'auth0kit:connections.ldap.kind: "ldap" is not a connection kind; use one of database, social, enterprise',
    ]);
  });

  it("requires a kind", () => {
    expect(issuesOf(withConnections({ users: { name: "users" } }))).toEqual([
      "auth0kit:connections.users.kind: required; set one of database, social, enterprise",
    ]);
  });

  it("rejects an unknown password policy", () => {
    expect(issuesOf(withConnections({ users: { kind: "database", passwordPolicy: "strong" } }))).toEqual([
      'auth0kit:connections.users.passwordPolicy: "strong" is not allowed; use one of none, low, fair, good, excellent',
    ]);
  });

  it("rejects a password history longer than Auth0's 24 entries", () => {
    expect(issuesOf(withConnections({ users: { kind: "database", passwordHistory: 25 } }))).toEqual([
      "auth0kit:connections.users.passwordHistory: Auth0 keeps at most 24 previous passwords",
    ]);
  });

  it("rejects a minimum password length above Auth0's 72 bytes", () => {
    expect(issuesOf(withConnections({ users: { kind: "database", passwordMinLength: 73 } }))).toEqual([
      "auth0kit:connections.users.passwordMinLength: Auth0 allows a minimum length of at most 72 bytes",
    ]);
  });

  it("rejects a social strategy it does not support", () => {
    expect(issuesOf(withConnections({ fb: { kind: "social", strategy: "facebook" } }))).toEqual([
      'auth0kit:connections.fb.strategy: "facebook" is not allowed; use one of google-oauth2, github',
    ]);
  });

  it("rejects a client secret written in plain text, without echoing it", () => {
    const issues = issuesOf(withConnections({ google: { kind: "social", strategy: "google-oauth2", clientId: "id", clientSecret: "hunter2" } }));
    expect(issues).toEqual([
      "auth0kit:connections.google.clientSecret: must reference a secret config key, e.g. { secret: googleClientSecret }, never hold the value itself; store the value with: pulumi config set --secret auth0kit:<key> <value>",
    ]);
    expect(issues.join("\n")).not.toContain("hunter2");
  });

  it("rejects a connection name Auth0 would refuse", () => {
    expect(issuesOf(withConnections({ users: { kind: "database", name: "Users_DB" } }))).toEqual([
      "auth0kit:connections.users.name: Auth0 connection names use letters, digits and -, start and end with a letter or digit, and have at most 128 characters",
    ]);
  });

  it("rejects a domain alias that is not a domain name", () => {
    expect(issuesOf(withConnections({ acme: { ...okta, domainAliases: ["https://acme.com"] } }, { [OKTA_SECRET]: "x" }), { secretKeys: [OKTA_SECRET] })).toEqual([
      "auth0kit:connections.acme.domainAliases[0]: write a domain name only, e.g. acme.com",
    ]);
  });
});

describe("connectionsReferenceApplications", () => {
  it("accepts connections enabled for defined applications", () => {
    expect(issuesOf(withConnections({ users: { kind: "database", applications: ["spa", "native"] } }))).toEqual([]);
  });

  it("rejects an unknown application key, at its index, listing the defined ones", () => {
    expect(issuesOf(withConnections({ users: { kind: "database", applications: ["spa", "cli"] } }))).toEqual([
      'auth0kit:connections.users.applications[1]: unknown application "cli"; defined applications: m2m, native, spa',
    ]);
  });

  it("does not take an inherited property name for an application", () => {
    expect(issuesOf(withConnections({ users: { kind: "database", applications: ["constructor"] } }))).toEqual([
      'auth0kit:connections.users.applications[0]: unknown application "constructor"; defined applications: m2m, native, spa',
    ]);
  });
});

describe("uniqueConnectionNames", () => {
  it("rejects two connections with one Auth0 name, at the later key", () => {
    expect(issuesOf(withConnections({ github: { kind: "social", strategy: "github" }, users: { kind: "database", name: "GitHub" } }))).toEqual([
      'auth0kit:connections.users.name: "GitHub" is already the name of connection "github"; connection names are unique in a tenant, so give this one another name',
    ]);
  });

  it("accepts distinct names", () => {
    expect(issuesOf(withConnections({ github: { kind: "social", strategy: "github" }, users: { kind: "database", name: "Username-Password-Authentication" } }))).toEqual([]);
  });
});

describe("enterpriseConnectionFields", () => {
  it.each([
    ["samlp", { signInUrl: "https://idp.acme.com/sso", signingCert: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----" }],
    ["oidc", { issuer: "https://login.acme.com/", clientId: "id", clientSecret: { secret: "acmeOktaClientSecret" } }],
    ["waad", { tenantDomain: "acme.onmicrosoft.com", clientId: "id", clientSecret: { secret: "acmeOktaClientSecret" } }],
    ["okta", { domain: "acme.okta.com", clientId: "id", clientSecret: { secret: "acmeOktaClientSecret" } }],
    ["adfs", { metadataUrl: "https://adfs.acme.com/FederationMetadata/2007-06/FederationMetadata.xml" }],
    ["adfs", { metadataXml: '<?xml version="1.0"?><EntityDescriptor entityID="https://adfs.acme.com"/>' }],
    ["pingfederate", { serverUrl: "https://sso.acme.com", signingCert: "MIIB", groupsAttribute: "memberOf" }],
    ["google-apps", { domain: "acme.com", clientId: "id.apps.googleusercontent.com", clientSecret: { secret: "acmeOktaClientSecret" } }],
  ])("accepts a complete %s connection", (strategy, fields) => {
    const secretKeys = "clientSecret" in fields ? [OKTA_SECRET] : [];
    const config = withConnections({ acme: { kind: "enterprise", strategy, ...fields } }, "clientSecret" in fields ? { [OKTA_SECRET]: "x" } : {});
    expect(issuesOf(config, { secretKeys })).toEqual([]);
  });

  it("names every field a samlp connection lacks", () => {
    expect(issuesOf(withConnections({ acme: { kind: "enterprise", strategy: "samlp" } }))).toEqual([
      "auth0kit:connections.acme.signInUrl: required for samlp connections; set the IdP's single sign-on URL",
      "auth0kit:connections.acme.signingCert: required for samlp connections; paste the IdP's X.509 signing certificate (PEM)",
    ]);
  });

  it("asks an oidc connection for its client and for issuer or discovery URL", () => {
    expect(issuesOf(withConnections({ acme: { kind: "enterprise", strategy: "oidc" } }))).toEqual([
      "auth0kit:connections.acme.clientId: required for oidc connections; set the client ID of the application registered at the IdP",
      "auth0kit:connections.acme.clientSecret: required for oidc connections; reference its secret with { secret: <key> }",
      "auth0kit:connections.acme.issuer: an oidc connection needs issuer or discoveryUrl; set the IdP's issuer URL or its .well-known/openid-configuration URL",
    ]);
  });

  it("asks a waad connection for its tenant domain and app registration", () => {
    expect(issuesOf(withConnections({ acme: { kind: "enterprise", strategy: "waad" } }))).toEqual([
      "auth0kit:connections.acme.clientId: required for waad connections; set the application (client) ID of the Entra ID app registration",
      "auth0kit:connections.acme.clientSecret: required for waad connections; reference its client secret with { secret: <key> }",
      "auth0kit:connections.acme.tenantDomain: required for waad connections; set the Entra ID tenant's domain, e.g. acme.onmicrosoft.com",
    ]);
  });

  it("asks an okta connection for its Okta domain", () => {
    const { domain: _, ...withoutDomain } = okta;
    expect(issuesOf(withConnections({ acme: withoutDomain }, { [OKTA_SECRET]: "x" }), { secretKeys: [OKTA_SECRET] })).toEqual([
      "auth0kit:connections.acme.domain: required for okta connections; set the Okta organization's domain, e.g. acme.okta.com",
    ]);
  });

  it("asks an adfs connection for exactly one of its metadata URL and document", () => {
    expect(issuesOf(withConnections({ acme: { kind: "enterprise", strategy: "adfs" } }))).toEqual([
      "auth0kit:connections.acme.metadataUrl: an adfs connection needs exactly one of metadataUrl (the federation metadata URL) and metadataXml (the document itself)",
    ]);
    const both = { kind: "enterprise", strategy: "adfs", metadataUrl: "https://adfs.acme.com/metadata.xml", metadataXml: "<EntityDescriptor/>" };
    expect(issuesOf(withConnections({ acme: both }))).toEqual([
      "auth0kit:connections.acme.metadataXml: an adfs connection needs exactly one of metadataUrl (the federation metadata URL) and metadataXml (the document itself)",
    ]);
  });

  it("asks a pingfederate connection for its server URL and signing certificate", () => {
    expect(issuesOf(withConnections({ acme: { kind: "enterprise", strategy: "pingfederate" } }))).toEqual([
      "auth0kit:connections.acme.serverUrl: required for pingfederate connections; set the PingFederate server's base URL, e.g. https://sso.acme.com",
      "auth0kit:connections.acme.signingCert: required for pingfederate connections; paste the PingFederate signing certificate (PEM)",
    ]);
  });

  it("asks a google-apps connection for its Workspace domain and OAuth client", () => {
    expect(issuesOf(withConnections({ acme: { kind: "enterprise", strategy: "google-apps" } }))).toEqual([
      "auth0kit:connections.acme.clientId: required for google-apps connections; set the OAuth client ID from the Google Cloud console",
      "auth0kit:connections.acme.clientSecret: required for google-apps connections; reference its client secret with { secret: <key> }",
      "auth0kit:connections.acme.domain: required for google-apps connections; set the Google Workspace domain, e.g. acme.com",
    ]);
  });

  it("refuses metadata that is not an XML document", () => {
    expect(issuesOf(withConnections({ acme: { kind: "enterprise", strategy: "adfs", metadataXml: "https://adfs.acme.com/metadata.xml" } }))).toEqual([
      "auth0kit:connections.acme.metadataXml: paste the federation metadata XML document",
    ]);
  });

  it("rejects a field of another strategy", () => {
    expect(issuesOf(withConnections({ acme: { ...okta, signingCert: "MIIB" } }, { [OKTA_SECRET]: "x" }), { secretKeys: [OKTA_SECRET] })).toEqual([
      "auth0kit:connections.acme.signingCert: does not apply to okta connections; remove it",
    ]);
  });

  it("rejects a groups attribute when groups are not synced", () => {
    const saml = { kind: "enterprise", strategy: "samlp", signInUrl: "https://idp.acme.com/sso", signingCert: "MIIB", syncGroups: false, groupsAttribute: "groups" };
    expect(issuesOf(withConnections({ acme: saml }))).toEqual([
      "auth0kit:connections.acme.groupsAttribute: is only used when syncGroups is true; remove it or turn syncGroups on",
    ]);
  });
});

describe("uniqueDomainAliases", () => {
  it("rejects an email domain claimed by two enterprise connections", () => {
    const saml = { kind: "enterprise", strategy: "samlp", signInUrl: "https://idp.acme.com/sso", signingCert: "MIIB" };
    const config = withConnections({ a: { ...saml, domainAliases: ["acme.com"] }, b: { ...saml, domainAliases: ["acme.io", "acme.com"] } });
    expect(issuesOf(config)).toEqual([
      'auth0kit:connections.b.domainAliases[1]: acme.com already signs in through connection "a"; an email domain can belong to one connection only',
    ]);
  });
});

describe("socialCredentials", () => {
  const google = { kind: "social", strategy: "google-oauth2" };

  it("allows Auth0's developer keys in dev", () => {
    expect(issuesOf(withConnections({ google }))).toEqual([]);
  });

  it.each(["stage", "prod"])("requires credentials in %s", (environment) => {
    expect(issuesOf(withConnections({ google }, { "auth0kit:environment": environment }))).toEqual([
      `auth0kit:connections.google: needs its own credentials in ${environment}: Auth0's developer keys are for testing only; set clientId and clientSecret: { secret: <key> } from the google-oauth2 developer console`,
    ]);
  });

  it("accepts credentials in prod", () => {
    const config = withConnections(
      { google: { ...google, clientId: "123.apps.googleusercontent.com", clientSecret: { secret: "googleClientSecret" } } },
      { "auth0kit:environment": "prod", [GOOGLE_SECRET]: "x" },
    );
    expect(issuesOf(config, { secretKeys: [GOOGLE_SECRET] })).toEqual([]);
  });

  it("requires the secret with the client ID", () => {
    expect(issuesOf(withConnections({ google: { ...google, clientId: "id" } }))).toEqual([
      "auth0kit:connections.google.clientSecret: required with clientId; reference the client secret with { secret: <key> }",
    ]);
  });

  it("requires the client ID with the secret", () => {
    const config = withConnections({ google: { ...google, clientSecret: { secret: "googleClientSecret" } } }, { [GOOGLE_SECRET]: "x" });
    expect(issuesOf(config, { secretKeys: [GOOGLE_SECRET] })).toEqual([
      "auth0kit:connections.google.clientId: required with clientSecret; set the client ID from the provider's developer console",
    ]);
  });

  it("lists the referenced secret key in the spec", () => {
    const config = withConnections({ google: { ...google, clientId: "id", clientSecret: { secret: "googleClientSecret" } } }, { [GOOGLE_SECRET]: "x" });
    expect(specOf(config, { secretKeys: [GOOGLE_SECRET] }).secretRefs).toEqual(["googleClientSecret"]);
  });
});

describe("enterprise connection URLs in production", () => {
  it("requires https identity-provider endpoints in prod", () => {
    const saml = { kind: "enterprise", strategy: "samlp", signInUrl: "http://idp.acme.com/sso", signingCert: "MIIB" };
    expect(issuesOf(withConnections({ acme: saml }, { "auth0kit:environment": "prod" }))).toEqual([
      "auth0kit:connections.acme.signInUrl: http://idp.acme.com/sso is not allowed in prod; use https with the real host or move it to the dev stack",
    ]);
  });

  it("allows a local identity provider in dev", () => {
    const oidc = { kind: "enterprise", strategy: "oidc", issuer: "http://localhost:8080/realms/acme", clientId: "id", clientSecret: { secret: "acmeOktaClientSecret" } };
    expect(issuesOf(withConnections({ acme: oidc }, { [OKTA_SECRET]: "x" }), { secretKeys: [OKTA_SECRET] })).toEqual([]);
  });
});
