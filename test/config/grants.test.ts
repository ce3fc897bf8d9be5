import { describe, expect, it } from "vitest";
import { configWith, issuesOf, specOf, TOKEN_EXCHANGE } from "./fixtures";

const apps = (applications: Record<string, unknown>) => configWith({ "auth0kit:applications": applications });

describe("grants to APIs", () => {
  it("rejects a grant to an unknown API, listing the defined APIs", () => {
    const config = configWith({
      "auth0kit:apis": { reports: { identifier: "https://reports.example.com/" } },
      "auth0kit:applications": { spa: { grants: { billing: {} } } },
    });
    expect(issuesOf(config)).toEqual([
      'auth0kit:applications.spa.grants.billing: unknown API "billing"; defined APIs: core, reports',
    ]);
  });

  it("says how to define an API when there are none", () => {
    expect(issuesOf(configWith({ "auth0kit:apis": undefined }))).toEqual([
      'auth0kit:applications.m2m.grants.core: unknown API "core"; defined APIs: none (add it under auth0kit:apis)',
    ]);
  });

  it("rejects a permission that the API does not define, by index", () => {
    expect(issuesOf(apps({ m2m: { grants: { core: { permissions: ["read:things", "delete:things"] } } } }))).toEqual([
      'auth0kit:applications.m2m.grants.core.permissions[1]: "delete:things" is not a permission of API "core"; define it under auth0kit:apis.core.permissions or remove it',
    ]);
  });

  it("compares granted permissions with the API's case-sensitively", () => {
    expect(issuesOf(apps({ m2m: { grants: { core: { permissions: ["Read:things"] } } } }))).toEqual([
      'auth0kit:applications.m2m.grants.core.permissions[0]: "Read:things" is not a permission of API "core"; define it under auth0kit:apis.core.permissions or remove it',
    ]);
  });

  it("rejects a malformed granted permission by index", () => {
    expect(issuesOf(apps({ m2m: { grants: { core: { permissions: ["read:things", "delete things"] } } } }))).toEqual([
      "auth0kit:applications.m2m.grants.core.permissions[1]: use verb:resource with no spaces",
    ]);
  });

  it("rejects a client grant on a single-page application, which has no client_credentials", () => {
    expect(issuesOf(apps({ spa: { grants: { core: { subjectType: "client", permissions: ["read:things"] } } } }))).toEqual([
      "auth0kit:applications.spa.grants.core.subjectType: a client grant needs the client_credentials grant type, which a single-page application does not have; use subjectType: user",
    ]);
  });

  it("gives a single-page application's grants to its users by default", () => {
    expect(issuesOf(apps({ spa: { grants: { core: { permissions: ["read:things"] } } } }))).toEqual([]);
  });

  it("rejects a machine-to-machine grant, which is a client grant by default, without client_credentials", () => {
    expect(issuesOf(apps({ m2m: { grantTypes: [TOKEN_EXCHANGE] } }))).toEqual([
      "auth0kit:applications.m2m.grants.core.subjectType: a client grant needs the client_credentials grant type, which a machine-to-machine application does not have; use subjectType: user",
    ]);
  });

  it("accepts a grant with no permissions", () => {
    expect(specOf(apps({ native: { grants: { core: {} } } })).applications.native!.grants).toEqual({ core: { permissions: [] } });
  });

  it.each([
    ["with permissions", { permissions: ["read:things"] }],
    // Without permissions, the grant once loaded silently.
    ["without permissions", {}],
  ])("refuses a grant keyed constructor (%s) as a key the runtime treats specially", (_, grant) => {
    expect(issuesOf(apps({ m2m: { grants: { constructor: grant } } }))).toEqual([
      'auth0kit:applications.m2m.grants.constructor: "constructor" cannot be a key (JavaScript gives it a special meaning, so the entry would be lost); rename it',
    ]);
  });
});
