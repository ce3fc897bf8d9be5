import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { configWith, DEVICE_CODE, issuePathsOf, issuesOf, TOKEN_EXCHANGE } from "./fixtures";

const apps = (applications: Record<string, unknown>) => configWith({ "auth0kit:applications": applications });

describe("application fields", () => {
  it("rejects an unknown field of an application at the application's path", () => {
    expect(issuesOf(apps({ spa: { callback: ["https://app.example.com/callback"] } }))).toEqual([
      'auth0kit:applications.spa: unknown key "callback"; did you mean "callbacks"?',
    ]);
  });

  it("rejects an unknown field of a nested policy at the policy's path", () => {
    expect(issuesOf(apps({ spa: { refreshToken: { rotaton: false } } }))).toEqual([
      'auth0kit:applications.spa.refreshToken: unknown key "rotaton"; did you mean "rotation"?',
    ]);
  });

  it("rejects an unknown application type, naming it", () => {
    expect(issuesOf(apps({ spa: { type: "web" } }))).toEqual([
      'auth0kit:applications.spa.type: "web" is not allowed; use one of spa, native, m2m, regular_web',
    ]);
  });

  it("requires an application type", () => {
    expect(issuePathsOf(apps({ extra: { callbacks: [] } }))).toEqual(["auth0kit:applications.extra.type"]);
  });

  it("says a missing application type is required rather than quoting undefined", () => {
    const [line] = issuesOf(apps({ extra: { callbacks: [] } }));
    expect(line).not.toContain('"undefined"');
  });

  it("rejects an application key that is not a lowercase slug", () => {
    expect(issuePathsOf(apps({ "Web App": { type: "spa" } }))).toEqual(["auth0kit:applications[\"Web App\"]"]);
  });

  it("explains that application keys must be lowercase slugs", () => {
    expect(issuesOf(apps({ "Web App": { type: "spa" } }))).toEqual([
      "auth0kit:applications[\"Web App\"]: keys must be lowercase slugs (a-z, 0-9, -; starting with a letter), because they become resource names",
    ]);
  });

  it("accepts a description of exactly 140 characters", () => {
    expect(issuesOf(apps({ spa: { description: "x".repeat(140) } }))).toEqual([]);
  });

  it("rejects a description over 140 characters, naming Auth0's limit", () => {
    expect(issuesOf(apps({ spa: { description: "x".repeat(141) } }))).toEqual([
      "auth0kit:applications.spa.description: is 141 characters long; Auth0 accepts at most 140; shorten it",
    ]);
  });

  it("reports a value of the wrong type with what was given", () => {
    expect(issuesOf(apps({ spa: { firstParty: "yes", grantTypes: "authorization_code" } }))).toEqual([
      'auth0kit:applications.spa.firstParty: expected true or false, got the text \"yes\"',
      'auth0kit:applications.spa.grantTypes: expected a list, got the text \"authorization_code\"',
    ]);
  });
});

describe("machine-to-machine applications", () => {
  it.each(["callbacks", "logoutUrls", "webOrigins", "allowedOrigins"])("rejects %s", (field) => {
    expect(issuesOf(apps({ m2m: { [field]: ["https://worker.example.com"] } }))).toEqual([
      `auth0kit:applications.m2m.${field}: machine-to-machine applications have no browser flow; remove these URLs`,
    ]);
  });

  it("rejects an ID-token lifetime", () => {
    expect(issuesOf(apps({ m2m: { idTokenLifetime: "1h" } }))).toEqual([
      "auth0kit:applications.m2m.idTokenLifetime: machine-to-machine applications get no ID tokens; remove it",
    ]);
  });

  it("rejects a refresh-token policy", () => {
    expect(issuesOf(apps({ m2m: { refreshToken: { rotation: false } } }))).toEqual([
      "auth0kit:applications.m2m.refreshToken: machine-to-machine applications get no refresh tokens; remove it",
    ]);
  });

  it("rejects organization settings", () => {
    expect(issuesOf(apps({ m2m: { organizations: { usage: "allow" } } }))).toEqual([
      "auth0kit:applications.m2m.organizations: organization login does not apply to machine-to-machine applications; remove it",
    ]);
  });

  it("accepts empty URL lists", () => {
    expect(issuesOf(apps({ m2m: { callbacks: [], webOrigins: [] } }))).toEqual([]);
  });
});

describe("Management API scopes", () => {
  it("are accepted on a machine-to-machine application", () => {
    expect(issuesOf(apps({ m2m: { managementApiScopes: ["read:users", "update:users"] } }))).toEqual([]);
  });

  it("are rejected on a single-page application", () => {
    expect(issuesOf(apps({ spa: { managementApiScopes: ["read:users"] } }))).toEqual([
      "auth0kit:applications.spa.managementApiScopes: a single-page application without client_credentials cannot call the Management API; move these scopes to an m2m application",
    ]);
  });

  it("are rejected on a native application", () => {
    expect(issuesOf(apps({ native: { managementApiScopes: ["read:users"] } }))).toEqual([
      "auth0kit:applications.native.managementApiScopes: a native application without client_credentials cannot call the Management API; move these scopes to an m2m application",
    ]);
  });

  it("are rejected on a machine-to-machine application without client_credentials", () => {
    expect(issuesOf(apps({ m2m: { grantTypes: [TOKEN_EXCHANGE], grants: { core: { subjectType: "user" } }, managementApiScopes: ["read:users"] } }))).toEqual([
      "auth0kit:applications.m2m.managementApiScopes: a machine-to-machine application without client_credentials cannot call the Management API; move these scopes to an m2m application",
    ]);
  });

  it.each([
    ["read:userz", 'did you mean "read:users"?'],
    ["read users", 'did you mean "read:users"?'],
    ["read:Users", 'did you mean "read:users"?'],
    ["delete:session", 'did you mean "delete:sessions"?'],
    ["users", "they look like read:users, update:users or delete:sessions"],
    ["read:everything", "they look like read:users, update:users or delete:sessions"],
  ])("refuses %j, which is not a Management API scope, by index: %s", (scope, hint) => {
    expect(issuesOf(apps({ m2m: { managementApiScopes: ["read:users", scope] } }))).toEqual([
      `auth0kit:applications.m2m.managementApiScopes[1]: ${JSON.stringify(scope)} is not an Auth0 Management API scope; ${hint}`,
    ]);
  });

  it("accepts every scope the Pulumi client needs (README, Running it for real)", () => {
    const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");
    const block = readme.slice(readme.indexOf("read:clients create:clients"), readme.indexOf("```", readme.indexOf("read:clients create:clients")));
    const scopes = block.split(/\s+/).filter(Boolean);
    expect(scopes.length).toBeGreaterThan(40);
    expect(issuesOf(apps({ m2m: { managementApiScopes: scopes } }))).toEqual([]);
  });
});

describe("organizations", () => {
  it("rejects requireBehavior when usage is left at its default", () => {
    expect(issuesOf(apps({ spa: { organizations: { requireBehavior: "pre-login-prompt" } } }))).toEqual([
      "auth0kit:applications.spa.organizations.requireBehavior: only applies when usage is require (it is deny); remove it or set usage: require",
    ]);
  });

  it("rejects requireBehavior when usage is allow", () => {
    expect(issuesOf(apps({ spa: { organizations: { usage: "allow", requireBehavior: "no-prompt" } } }))).toEqual([
      "auth0kit:applications.spa.organizations.requireBehavior: only applies when usage is require (it is allow); remove it or set usage: require",
    ]);
  });

  it("accepts requireBehavior when usage is require", () => {
    expect(issuesOf(apps({ spa: { organizations: { usage: "require", requireBehavior: "post-login-prompt" } } }))).toEqual([]);
  });

  it("rejects requiring an organization on a device-code application", () => {
    expect(issuesOf(apps({ native: { grantTypes: [DEVICE_CODE, "refresh_token"], organizations: { usage: "require" } } }))).toEqual([
      `auth0kit:applications.native.organizations.usage: the device-code flow cannot require an organization; use usage: allow (Auth0's "Business Users" mode) so device login keeps working`,
    ]);
  });

  it("accepts allowing organizations on a device-code application", () => {
    expect(issuesOf(apps({ native: { grantTypes: [DEVICE_CODE, "refresh_token"], organizations: { usage: "allow" } } }))).toEqual([]);
  });
});

describe("token exchange profiles", () => {
  it("are rejected without the token-exchange grant type", () => {
    expect(issuesOf(apps({ native: { tokenExchangeProfileTypes: ["on_behalf_of_token_exchange"] } }))).toEqual([
      "auth0kit:applications.native.tokenExchangeProfileTypes: needs the urn:ietf:params:oauth:grant-type:token-exchange grant type; add it to grantTypes",
    ]);
  });

  it("are accepted on a native application with the token-exchange grant type", () => {
    const users = { "auth0kit:connections": { users: { kind: "database", applications: ["native"] } } };
    expect(issuesOf({ ...apps({ native: { grantTypes: ["authorization_code", TOKEN_EXCHANGE], tokenExchangeProfileTypes: ["custom_authentication"] } }), ...users })).toEqual([]);
  });

  it("are accepted on a machine-to-machine application with the token-exchange grant type", () => {
    expect(issuesOf(apps({ m2m: { grantTypes: ["client_credentials", TOKEN_EXCHANGE], tokenExchangeProfileTypes: ["on_behalf_of_token_exchange"] } }))).toEqual([]);
  });

  it("rejects an unknown profile type by index", () => {
    expect(issuePathsOf(apps({ native: { grantTypes: [TOKEN_EXCHANGE], tokenExchangeProfileTypes: ["custom_authentication", "magic"] } }))).toEqual([
      "auth0kit:applications.native.tokenExchangeProfileTypes[1]",
    ]);
  });
});
