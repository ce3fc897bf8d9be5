import { describe, expect, it } from "vitest";
import { DEFAULT_GRANT_TYPES } from "../../config/defaults";
import { configWith, specOf } from "./fixtures";

describe("defaults", () => {
  it("gives interactive applications authorization_code and refresh_token, and m2m client_credentials", () => {
    const spec = specOf(configWith({ "auth0kit:applications": { web: { type: "regular_web" } } }));
    expect(Object.fromEntries(Object.values(spec.applications).map((app) => [app.key, app.grantTypes]))).toEqual({
      m2m: ["client_credentials"],
      native: ["authorization_code", "refresh_token"],
      spa: ["authorization_code", "refresh_token"],
      web: ["authorization_code", "refresh_token"],
    });
    expect(DEFAULT_GRANT_TYPES).toEqual({
      spa: ["authorization_code", "refresh_token"],
      native: ["authorization_code", "refresh_token"],
      regular_web: ["authorization_code", "refresh_token"],
      m2m: ["client_credentials"],
    });
  });

  it("fills every API default and names the API after its key", () => {
    expect(specOf(configWith()).apis.core).toEqual({
      key: "core",
      name: "core",
      identifier: "https://api.example.com/",
      signingAlg: "RS256",
      rbac: true,
      permissionsInToken: true,
      tokenLifetime: 86_400,
      tokenLifetimeForWeb: 7_200,
      allowOfflineAccess: false,
      skipConsentForFirstParty: true,
      userAccess: "allow-all",
      clientAccess: "require-client-grant",
      permissions: { "read:things": "Read things", "write:things": "Change things", "admin:all": "Everything" },
    });
  });

  it("fills every application default and names the application after its key", () => {
    expect(specOf(configWith()).applications.native).toEqual({
      key: "native",
      name: "native",
      type: "native",
      callbacks: ["https://cli.example.com/callback"],
      logoutUrls: [],
      webOrigins: [],
      allowedOrigins: [],
      grantTypes: ["authorization_code", "refresh_token"],
      grants: {},
      managementApiScopes: [],
      firstParty: true,
    });
  });

  it("keeps a configured display name", () => {
    const spec = specOf(configWith({ "auth0kit:apis": { core: { name: "Core API" } }, "auth0kit:applications": { spa: { name: "Web app" } } }));
    expect([spec.apis.core!.name, spec.applications.spa!.name]).toEqual(["Core API", "Web app"]);
  });

  it("sorts APIs and applications by key", () => {
    const spec = specOf(
      configWith({
        "auth0kit:apis": { zeta: { identifier: "https://zeta.example.com/" }, alpha: { identifier: "https://alpha.example.com/" } },
      }),
    );
    expect(Object.keys(spec.apis)).toEqual(["alpha", "core", "zeta"]);
    expect(Object.keys(spec.applications)).toEqual(["m2m", "native", "spa"]);
  });

  it("defaults a grant's permissions to none and leaves its subject type to the application type", () => {
    expect(specOf(configWith({ "auth0kit:applications": { m2m: { grants: { core: { permissions: undefined } } } } })).applications.m2m!.grants).toEqual({
      core: { permissions: [] },
    });
  });

  it("defaults organization usage to deny", () => {
    expect(specOf(configWith({ "auth0kit:applications": { spa: { organizations: {} } } })).applications.spa!.organizations).toEqual({ usage: "deny" });
  });

  it("accepts a stack with no APIs and no applications", () => {
    const spec = specOf({ "auth0kit:environment": "dev", "auth0:domain": "example-dev.us.auth0.com" });
    expect([spec.apis, spec.applications]).toEqual([{}, {}]);
  });
});
