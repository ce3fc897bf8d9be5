import { describe, expect, it } from "vitest";
import { configWith, issuesOf, specOf, type ConfigInput } from "./fixtures";

const SAML = { kind: "enterprise", strategy: "samlp", signInUrl: "https://idp.acme.com/sso", signingCert: "MIIB", applications: ["spa"] };

/** The base config with one SAML connection (enabled for spa) and the given organizations. */
function withOrganizations(organizations: Record<string, unknown>, extra: ConfigInput = {}): ConfigInput {
  return configWith({
    "auth0kit:connections": { "acme-saml": SAML, users: { kind: "database", applications: ["spa"] } },
    "auth0kit:organizations": organizations,
    ...extra,
  });
}

describe("auth0kit:organizations schema", () => {
  it("uses the key as the name and the name as the display name, with members invited", () => {
    const spec = specOf(withOrganizations({ acme: { connections: { "acme-saml": {} } } }));
    expect(spec.organizations.acme).toEqual({ key: "acme", name: "acme", connections: { "acme-saml": { assignMembershipOnLogin: false } } });
  });

  it("accepts full branding", () => {
    const branding = { logoUrl: "https://cdn.acme.com/logo.png", colors: { primary: "#0059D6", pageBackground: "#ffffff" } };
    expect(specOf(withOrganizations({ acme: { displayName: "Acme Corp", branding } })).organizations.acme!.branding).toEqual(branding);
  });

  it("requires both colours together", () => {
    expect(issuesOf(withOrganizations({ acme: { branding: { colors: { primary: "#0059d6" } } } }))).toEqual([
      "auth0kit:organizations.acme.branding.colors.pageBackground: Auth0 needs primary and pageBackground together; set both as #rrggbb",
    ]);
  });

  it.each(["#fff", "blue", "#0059d6ff"])("rejects the colour %j", (colour) => {
    expect(issuesOf(withOrganizations({ acme: { branding: { colors: { primary: colour, pageBackground: "#ffffff" } } } }))).toEqual([
      "auth0kit:organizations.acme.branding.colors.primary: colours are #rrggbb, e.g. #0059d6",
    ]);
  });

  it("rejects a logo that is not served over https", () => {
    expect(issuesOf(withOrganizations({ acme: { branding: { logoUrl: "http://cdn.acme.com/logo.png" } } }))).toEqual([
      "auth0kit:organizations.acme.branding.logoUrl: Auth0 accepts only https logo URLs; serve the logo over https",
    ]);
  });
});

describe("organizationNames", () => {
  it.each(["acme", "acme_corp-2", "9lives", "a".repeat(50)])("accepts %j", (name) => {
    expect(issuesOf(withOrganizations({ acme: { name } }))).toEqual([]);
  });

  it.each(["Acme", "acme corp", "acme.corp", "", "a".repeat(51)])("rejects %j", (name) => {
    expect(issuesOf(withOrganizations({ acme: { name } }))).toEqual([
      `auth0kit:organizations.acme.name: "${name}" is not a valid organization name: Auth0 allows lowercase letters, digits, - and _, 1 to 50 characters; change it`,
    ]);
  });

  it("rejects a key longer than 50 characters used as the name, at the key", () => {
    const key = `org-${"a".repeat(47)}`;
    expect(issuesOf(withOrganizations({ [key]: {} }))).toEqual([
      `auth0kit:organizations.${key}: the key "${key}" is the organization name unless name is set, and it is not a valid one: Auth0 allows lowercase letters, digits, - and _, 1 to 50 characters; set a shorter name`,
    ]);
  });

  it("rejects two organizations with one name", () => {
    expect(issuesOf(withOrganizations({ acme: {}, globex: { name: "acme" } }))).toEqual([
      'auth0kit:organizations.globex.name: "acme" is already the name of organization "acme"; organization names are unique in a tenant',
    ]);
  });
});

describe("organizationsReferenceConnections", () => {
  it("rejects an unknown connection key, listing the defined ones", () => {
    expect(issuesOf(withOrganizations({ acme: { connections: { "acme-okta": {} } } }))).toEqual([
      'auth0kit:organizations.acme.connections.acme-okta: unknown connection "acme-okta"; defined connections: acme-saml, users',
    ]);
  });

  it("rejects showAsButton on a connection that is not an enterprise connection", () => {
    expect(issuesOf(withOrganizations({ acme: { connections: { users: { showAsButton: true } } } }))).toEqual([
      'auth0kit:organizations.acme.connections.users.showAsButton: only applies to enterprise connections ("users" is a database connection); remove it',
    ]);
  });
});

describe("organizationConnectionsEnabledForApplications", () => {
  const requireOrgs = { "auth0kit:applications": { spa: { organizations: { usage: "require" } }, native: { organizations: { usage: "require" } } } };

  it("rejects an organization connection not enabled for the applications that require organizations", () => {
    expect(issuesOf(withOrganizations({ acme: { connections: { "acme-saml": {} } } }, requireOrgs))).toEqual([
      'auth0kit:organizations.acme.connections.acme-saml: connection "acme-saml" is not enabled for native, which requires organizations, so members could not sign in there; add native to auth0kit:connections.acme-saml.applications',
    ]);
  });

  it("accepts it once the connection is enabled for every such application", () => {
    const config = withOrganizations({ acme: { connections: { "acme-saml": {} } } }, {
      ...requireOrgs,
      "auth0kit:connections": { "acme-saml": { ...SAML, applications: ["spa", "native"] } },
    });
    expect(issuesOf(config)).toEqual([]);
  });

  it("leaves applications that only allow organizations alone", () => {
    const config = withOrganizations({ acme: { connections: { "acme-saml": {} } } }, { "auth0kit:applications": { native: { organizations: { usage: "allow" } } } });
    expect(issuesOf(config)).toEqual([]);
  });
});
