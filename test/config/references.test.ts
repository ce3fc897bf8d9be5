/**
 * References to the tenant's outputs, whichever way the stack file spells them: env variables as
 * `{ ref: … }`, Action secrets as `{ clientId: … }` and the like. One internal form, one rule.
 */
import { describe, expect, it } from "vitest";
import { actionSecretSource, needsTenant, valueSites } from "../../config/references";
import { configWith, issuesOf, specOf } from "./fixtures";

const login = { source: "actions/post-login.js", trigger: "post-login", order: 1 };

describe("actionSecretSource", () => {
  it.each([
    [{ value: "x" }, { literal: "x" }],
    [{ secret: "hookKey" }, { secret: "hookKey" }],
    [{ clientId: "spa" }, { ref: "clientId", application: "spa" }],
    [{ clientSecret: "m2m" }, { ref: "clientSecret", application: "m2m" }],
    [{ apiIdentifier: "core" }, { ref: "apiIdentifier", api: "core" }],
    [{ issuer: true as const }, { ref: "issuer" }],
    [{ domain: true as const }, { ref: "domain" }],
  ])("reads %j as the env spelling %j", (source, expected) => {
    expect(actionSecretSource(source)).toEqual(expected);
  });
});

describe("valueSites", () => {
  it("lists env variables and Action secrets, each at its config path", () => {
    const spec = specOf(
      configWith({
        "auth0kit:envFiles": { app: { kind: "backend", path: "out/.env", vars: [{ comment: "x" }, { ID: { ref: "clientId", application: "spa" } }] } },
        "auth0kit:actions": { login: { ...login, secrets: { CLIENT_ID: { clientId: "spa" } } } },
      }),
    );
    expect(valueSites(spec).map((site) => [site.spelling, site.path, site.source])).toEqual([
      ["envFile", "auth0kit:envFiles.app.vars[1].ID", { ref: "clientId", application: "spa" }],
      // Added by the loader to every post-login Action, before the stack's own secrets.
      ["actionSecret", "auth0kit:actions.login.secrets.FAIL_CLOSED", { literal: "false" }],
      ["actionSecret", "auth0kit:actions.login.secrets.CLIENT_ID", { ref: "clientId", application: "spa" }],
    ]);
  });
});

describe("needsTenant", () => {
  it("holds for tenant outputs, not for literals, config secrets, generated secrets or scopes", () => {
    expect(needsTenant({ ref: "clientId", application: "spa" })).toBe(true);
    expect(needsTenant({ ref: "issuer" })).toBe(true);
    expect(needsTenant({ literal: "x" })).toBe(false);
    expect(needsTenant({ secret: "k" })).toBe(false);
    expect(needsTenant({ ref: "generatedSecret", name: "k" })).toBe(false);
  });
});

describe("referencesExist", () => {
  it("checks the same missing application in both spellings, each message in its own words", () => {
    const config = configWith({
      "auth0kit:envFiles": { app: { kind: "backend", path: "out/.env", vars: [{ ID: { ref: "clientId", application: "web" } }] } },
      "auth0kit:actions": { login: { ...login, secrets: { CLIENT_ID: { clientId: "web" } } } },
    });
    expect(issuesOf(config)).toEqual([
      'auth0kit:actions.login.secrets.CLIENT_ID: application "web" is not defined; define it under auth0kit:applications or fix the key (defined: m2m, native, spa)',
      'auth0kit:envFiles.app.vars[0].ID.application: unknown application "web"; defined applications: m2m, native, spa',
    ]);
  });

  it("checks FAIL_CLOSED whatever it is wired to", () => {
    const config = configWith({ "auth0kit:actions": { login: { ...login, secrets: { FAIL_CLOSED: { clientId: "spa" } } } } });
    expect(issuesOf(config)).toEqual([
      'auth0kit:actions.login.secrets.FAIL_CLOSED: must be { value: "true" } (a backend failure blocks the flow) or { value: "false" } (it is logged and the flow continues)',
    ]);
  });
});
