import { describe, expect, it } from "vitest";
import { configPath } from "../../config/issues";
import { API_TOKEN_LIFETIME_MAX } from "../../config/bounds";
import { apiTokenLifetimes, permissionsInTokenNeedsRbac, uniqueIdentifiers, uniquePermissions } from "../../config/rules/apis";
import { configWith, issuePathsOf, issuesOf, specOf } from "./fixtures";

const api = (fields: Record<string, unknown>) => configWith({ "auth0kit:apis": { core: fields } });

describe("API fields", () => {
  it("rejects a misspelled API field", () => {
    expect(issuesOf(api({ tokenLifetme: "1h" }))).toEqual([
      'auth0kit:apis.core: unknown key "tokenLifetme"; did you mean "tokenLifetime"?',
    ]);
  });

  it("names every misspelled field of one API in one message", () => {
    expect(issuesOf(api({ rbca: true, scopes: {} }))).toEqual([
      'auth0kit:apis.core: unknown keys "rbca" (did you mean "rbac"?), "scopes"; remove them or fix the spelling (known keys: name, identifier, signingAlg, rbac, permissionsInToken, tokenLifetime, tokenLifetimeForWeb, allowOfflineAccess, skipConsentForFirstParty, userAccess, clientAccess, proofOfPossession, permissions)',
    ]);
  });

  it("requires an identifier", () => {
    expect(issuesOf(configWith({ "auth0kit:apis": { extra: { permissions: {} } } }))).toEqual([
      "auth0kit:apis.extra.identifier: required; set text here",
    ]);
  });
});

describe("permission names", () => {
  it.each([
    ["read portfolio", "a space"],
    ["readportfolio", "no colon"],
    ["read:", "an empty resource"],
    [":portfolio", "an empty verb"],
  ])("rejects %j (%s) at its path", (name) => {
    expect(issuePathsOf(api({ permissions: { [name]: "Described" } }))).toEqual([configPath("auth0kit:apis.core.permissions", name)]);
  });

  it("accepts multi-part names such as read:mcp:data", () => {
    expect(Object.keys(specOf(api({ permissions: { "read:mcp:data": "MCP data" } })).apis.core!.permissions)).toContain("read:mcp:data");
  });

  it("explains how to write a malformed permission name", () => {
    expect(issuesOf(api({ permissions: { "read portfolio": "Described" } }))).toEqual([
      'auth0kit:apis.core.permissions[\"read portfolio\"]: "read portfolio" is not a well-formed permission; use verb:resource with no spaces, e.g. read:portfolio',
    ]);
  });

  it("rejects names that differ only in case, pointing at the later one", () => {
    expect(issuesOf(api({ permissions: { "READ:things": "Shouting" } }))).toEqual([
      'auth0kit:apis.core.permissions.READ:things: duplicates permission "read:things" (names are compared without case); keep one of them',
    ]);
  });

  it("reports every case-insensitive duplicate against the first spelling", () => {
    const spec = specOf(api({}));
    const withDuplicates = {
      ...spec,
      apis: { core: { ...spec.apis.core!, permissions: { "read:x": "a", "Read:X": "b", "READ:x": "c" } } },
    };
    expect(uniquePermissions(withDuplicates)).toEqual([
      { path: "auth0kit:apis.core.permissions.Read:X", message: 'duplicates permission "read:x" (names are compared without case); keep one of them' },
      { path: "auth0kit:apis.core.permissions.READ:x", message: 'duplicates permission "read:x" (names are compared without case); keep one of them' },
    ]);
  });

  it("allows the same permission name on two different APIs", () => {
    const config = configWith({
      "auth0kit:apis": { other: { identifier: "https://other.example.com/", permissions: { "read:things": "Read other things" } } },
    });
    expect(issuesOf(config)).toEqual([]);
  });

  it("rejects an empty description, saying why it is needed", () => {
    expect(issuesOf(api({ permissions: { "read:things": "" } }))).toEqual([
      "auth0kit:apis.core.permissions.read:things: describe the permission; Auth0 shows it on consent",
    ]);
  });
});

describe("API token lifetimes", () => {
  it("accepts Auth0's maximum of 30 days", () => {
    expect(specOf(api({ tokenLifetime: "30d" })).apis.core!.tokenLifetime).toBe(API_TOKEN_LIFETIME_MAX);
  });

  it("rejects a token lifetime over 30 days", () => {
    expect(issuesOf(api({ tokenLifetime: API_TOKEN_LIFETIME_MAX + 1 }))).toEqual([
      "auth0kit:apis.core.tokenLifetime: 2592001s exceeds Auth0's maximum of 30d; lower it",
    ]);
  });

  it("rejects a browser-flow lifetime longer than the API's token lifetime", () => {
    expect(issuesOf(api({ tokenLifetime: "1h", tokenLifetimeForWeb: "2h" }))).toEqual([
      "auth0kit:apis.core.tokenLifetimeForWeb: 2h exceeds the API's tokenLifetime of 1h; browser-flow tokens may not outlive the API's tokens",
    ]);
  });

  it("rejects a shortened token lifetime below the default browser-flow lifetime", () => {
    expect(issuePathsOf(api({ tokenLifetime: "1h" }))).toEqual(["auth0kit:apis.core.tokenLifetimeForWeb"]);
  });

  it("accepts equal token and browser-flow lifetimes", () => {
    expect(issuesOf(api({ tokenLifetime: "2h", tokenLifetimeForWeb: 7200 }))).toEqual([]);
  });

  it("is a pure rule over the spec", () => {
    const spec = specOf(api({}));
    expect(apiTokenLifetimes(spec)).toEqual([]);
    const tooLong = { ...spec, apis: { core: { ...spec.apis.core!, tokenLifetime: API_TOKEN_LIFETIME_MAX + 1 } } };
    expect(apiTokenLifetimes(tooLong).map((issue) => issue.path)).toEqual(["auth0kit:apis.core.tokenLifetime"]);
  });
});

describe("RBAC", () => {
  it("rejects permissionsInToken without rbac", () => {
    expect(issuesOf(api({ rbac: false }))).toEqual([
      "auth0kit:apis.core.permissionsInToken: requires rbac: true (Auth0 adds the permissions claim only when RBAC is enforced); turn rbac on or set this to false",
    ]);
  });

  it("accepts rbac off when permissionsInToken is off too", () => {
    const spec = specOf(api({ rbac: false, permissionsInToken: false }));
    expect(permissionsInTokenNeedsRbac(spec)).toEqual([]);
    expect(spec.apis.core).toMatchObject({ rbac: false, permissionsInToken: false });
  });
});

describe("API identifiers", () => {
  it("rejects two APIs with one identifier, pointing at the later key", () => {
    const config = configWith({ "auth0kit:apis": { second: { identifier: "https://api.example.com/" } } });
    expect(issuesOf(config)).toEqual([
      'auth0kit:apis.second.identifier: "https://api.example.com/" is already the identifier of API "core"; each API needs its own audience',
    ]);
  });

  it("accepts distinct identifiers", () => {
    const spec = specOf(configWith({ "auth0kit:apis": { second: { identifier: "https://api.example.com/v2" } } }));
    expect(uniqueIdentifiers(spec)).toEqual([]);
  });
});
