import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ORGANIZATION_REQUIRED_METADATA } from "../../config/schema/connections";
import { configWith, issuesOf, specOf, type ConfigInput } from "./fixtures";

const DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
const SAML = { kind: "enterprise", strategy: "samlp", signInUrl: "https://idp.acme.com/sso", signingCert: "MIIB" };
const postLogin = (source = "actions/post-login.js") => ({ login: { source, trigger: "post-login", order: 1 } });

/** Acme's SAML connection (enabled for `applications`), its organization unless `organization` is false, a post-login Action. */
function acme(connection: Record<string, unknown>, extra: ConfigInput = {}, organization = true): ConfigInput {
  return configWith({
    "auth0kit:applications": { spa: { organizations: { usage: "allow" } } },
    "auth0kit:connections": { "acme-saml": { ...SAML, applications: ["spa"], ...connection } },
    ...(organization && { "auth0kit:organizations": { acme: { connections: { "acme-saml": {} } } } }),
    "auth0kit:actions": postLogin(),
    ...extra,
  });
}

describe("requireOrganization (organization-only enterprise connections)", () => {
  it("is off by default and read when set", () => {
    expect(specOf(acme({})).connections["acme-saml"]).toMatchObject({ requireOrganization: false });
    expect(specOf(acme({ requireOrganization: true })).connections["acme-saml"]).toMatchObject({ requireOrganization: true });
  });

  it("is the metadata key the post-login Action reads", () => {
    const code = fs.readFileSync(path.resolve(__dirname, "../../actions/post-login.js"), "utf8");
    expect(code).toContain(`const ORGANIZATION_REQUIRED = "${ORGANIZATION_REQUIRED_METADATA}";`);
  });

  it("refuses it on a connection no organization enables, where every sign-in would be denied", () => {
    expect(issuesOf(acme({ requireOrganization: true }, {}, false))).toEqual([
      'auth0kit:connections.acme-saml.requireOrganization: no organization enables "acme-saml", so every sign-in through it would be denied; add it to an organization\'s connections (auth0kit:organizations.<key>.connections.acme-saml) or remove requireOrganization',
    ]);
  });

  it("refuses it when no post-login Action enforces it", () => {
    const message =
      "auth0kit:connections.acme-saml.requireOrganization: no post-login Action enforces it: Auth0 has no such connection setting, so a post-login Action must deny a login whose connection metadata has organization_required and no organization (as actions/post-login.js does); add one to auth0kit:actions";
    expect(issuesOf(acme({ requireOrganization: true }, { "auth0kit:actions": {} }))).toEqual([message]);
    expect(issuesOf(acme({ requireOrganization: true }, { "auth0kit:actions": postLogin("actions/idp-group-sync.js") }))).toEqual([message]);
  });

  it("refuses it for an application that signs in only with the device code grant", () => {
    const cli = { "auth0kit:applications": { spa: { organizations: { usage: "allow" } }, native: { grantTypes: [DEVICE_CODE, "refresh_token"] } } };
    expect(issuesOf(acme({ requireOrganization: true, applications: ["spa", "native"] }, cli))).toEqual([
      'auth0kit:connections.acme-saml.applications[1]: native signs users in only with the device code grant, which Auth0 never scopes to an organization, so every sign-in through "acme-saml" there would be denied; remove native from this connection\'s applications',
    ]);
  });
});

describe("guardrail organization-only-connections", () => {
  const prod = (connection: Record<string, unknown>, extra: ConfigInput = {}) => acme(connection, { "auth0kit:environment": "prod", ...extra });
  const finding = (env: string, apps: string) =>
    `auth0kit:connections.acme-saml: the connection of organization acme lets its users sign in to ${apps} without the organization in ${env}; set requireOrganization: true, or organizations.usage: require on ${apps}`;

  it("refuses an organization's enterprise connection that an application lets users use without the organization", () => {
    expect(issuesOf(prod({}))).toEqual([finding("prod", "spa")]);
    expect(issuesOf(acme({}, { "auth0kit:environment": "stage" }))).toEqual([finding("stage", "spa")]);
    expect(issuesOf(prod({ applications: ["spa", "native"] }))).toEqual([finding("prod", "spa, native")]);
  });

  it("accepts it with requireOrganization, or when every application enabled for it requires organizations", () => {
    expect(issuesOf(prod({ requireOrganization: true }))).toEqual([]);
    expect(issuesOf(prod({}, { "auth0kit:applications": { spa: { organizations: { usage: "require" } } } }))).toEqual([]);
  });

  it("leaves machine-to-machine applications, connections of no organization and dev alone", () => {
    expect(issuesOf(prod({ applications: ["m2m"] }))).toEqual([]);
    expect(issuesOf(acme({}, { "auth0kit:environment": "prod" }, false))).toEqual([]);
    expect(issuesOf(acme({}))).toEqual([]);
  });

  it("lets a reviewed override keep a connection open", () => {
    const override = { rule: "organization-only-connections", path: "auth0kit:connections.acme-saml", reason: "Acme's staff also sign in as individuals until their migration ends." };
    expect(specOf(prod({}, { "auth0kit:overrides": [override] })).overrides).toEqual([override]);
  });
});
