import { describe, expect, it } from "vitest";
import { configWith, issuesOf } from "./fixtures";

const file = (vars: unknown[], extra: Record<string, unknown> = {}) =>
  configWith({ "auth0kit:envFiles": { app: { kind: "frontend", path: "out/.env", vars } }, ...extra });
const at = (index: number, name: string) => `auth0kit:envFiles.app.vars[${index}].${name}`;
const AUDIENCES = "this stack's are https://api.example.com/, https://example-dev.us.auth0.com/api/v2/";

describe("literals in roles a reference covers", () => {
  it("refuses an audience literal that is no API of the stack, with the reference to write", () => {
    expect(issuesOf(file([{ VITE_AUDIENCE: "https://api.example.org/" }, { VITE_SCOPES: "openid read:things" }]))).toEqual([
      `${at(0, "VITE_AUDIENCE")}: "https://api.example.org/" is not an audience of this stack (${AUDIENCES}); write { ref: apiIdentifier, api: <API key> } (or { ref: managementApiAudience })`,
    ]);
  });

  it("checks the scopes a file requests against an audience literal that is an API's identifier", () => {
    expect(issuesOf(file([{ VITE_AUDIENCE: "https://api.example.com/" }, { VITE_CLIENT_ID: { ref: "clientId", application: "spa" } }, { VITE_SCOPES: "openid read:stuff" }]))).toEqual([
      `${at(2, "VITE_SCOPES")}: requests "read:stuff", which is not a permission of "core"; define it on the API or remove it`,
    ]);
  });

  it("accepts literals that are exactly what the references resolve to", () => {
    const vars = [
      { AUTH0_AUDIENCE: "https://api.example.com/" },
      { AUTH0_ISSUER: "https://example-dev.us.auth0.com/" },
      { AUTH0_JWKS_URL: "https://example-dev.us.auth0.com/.well-known/jwks.json" },
      { AUTH0_DOMAIN: "example-dev.us.auth0.com" },
    ];
    expect(issuesOf(file(vars))).toEqual([]);
  });

  it.each([
    ["AUTH0_ISSUER", "https://example-dev.us.auth0.com", "the issuer of this stack (this tenant's is https://example-dev.us.auth0.com/); write { ref: issuer }"],
    ["AUTH0_DOMAIN", "example.us.auth0.com", "the tenant's domain of this stack (this tenant's is example-dev.us.auth0.com); write { ref: domain } (or { ref: customDomain })"],
  ])("refuses %s = %j", (name, literal, rest) => {
    expect(issuesOf(file([{ [name]: literal }]))).toEqual([`${at(0, name)}: ${JSON.stringify(literal)} is not ${rest}`]);
  });

  it("refuses an Auth0 client ID pasted as a literal, which nothing could check", () => {
    expect(issuesOf(file([{ VITE_AUTH0_CLIENT_ID: "aBcDeFgHiJkLmNoPqRsTuVwXyZ012345" }]))).toEqual([
      `${at(0, "VITE_AUTH0_CLIENT_ID")}: is an Auth0 client ID, which Auth0 assigns when the application is created, so a literal cannot be checked against this stack; write { ref: clientId, application: <application key> }`,
    ]);
  });

  it("leaves another provider's client ID alone", () => {
    expect(issuesOf(file([{ GOOGLE_CLIENT_ID: "1234-abc.apps.googleusercontent.com" }]))).toEqual([]);
  });

  it("checks an Action secret's literal value in the same roles, in the Action's spelling", () => {
    const actions = { login: { source: "actions/post-login.js", trigger: "post-login", order: 1, secrets: { API_AUDIENCE: { value: "https://wrong.example.com/" } } } };
    expect(issuesOf(configWith({ "auth0kit:actions": actions }))).toEqual([
      `auth0kit:actions.login.secrets.API_AUDIENCE: "https://wrong.example.com/" is not an audience of this stack (${AUDIENCES}); write { apiIdentifier: <API key> }`,
    ]);
  });

  it("leaves a local stack's literals to it: there is no tenant to compare with", () => {
    expect(issuesOf(file([{ AUTH0_AUDIENCE: "https://api.localhost/" }, { AUTH0_ISSUER: "https://auth.localhost/" }], { "auth0kit:environment": "local" }))).toEqual([]);
  });
});
