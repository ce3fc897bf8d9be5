import { describe, expect, it } from "vitest";
import { ConfigError } from "../../config/issues";
import { configErrorOf, configWith, issuesOf } from "./fixtures";

describe("reporting", () => {
  it("reports three independent rule violations at once, one line each", () => {
    const config = configWith({
      "auth0kit:tenant": { sessionLifetime: "24h", idleSessionLifetime: "48h" },
      "auth0kit:apis": { core: { rbac: false } },
      "auth0kit:applications": { spa: { grantTypes: ["authorization_code", "client_credentials"] } },
    });
    expect(issuesOf(config)).toEqual([
      "auth0kit:apis.core.permissionsInToken: requires rbac: true (Auth0 adds the permissions claim only when RBAC is enforced); turn rbac on or set this to false",
      "auth0kit:applications.spa.grantTypes[1]: client_credentials is not allowed on a single-page application; allowed: authorization_code, implicit, refresh_token",
      "auth0kit:tenant.idleSessionLifetime: 48h exceeds the session lifetime of 24h; a session cannot stay idle longer than it lives",
    ]);
  });

  it("reports problems in three different keys at once", () => {
    const config = configWith({
      "auth0kit:tenant": { sessionLifetime: "90m" },
      "auth0kit:apis": { core: { signingAlg: "ES256" } },
      "auth0kit:applications": { spa: { callback: [] } },
    });
    expect(issuesOf(config)).toEqual([
      'auth0kit:apis.core.signingAlg: "ES256" is not allowed; use one of RS256, PS256, HS256',
      'auth0kit:applications.spa: unknown key "callback"; did you mean "callbacks"?',
      "auth0kit:tenant.sessionLifetime: session lifetimes are whole hours; write e.g. 72, 72h or 7d",
    ]);
  });

  it("reports key, secret and domain problems at once", () => {
    const config = configWith({ "auth0kit:aplications": {}, "auth0:clientSecret": "s3cr3t", "auth0:domain": undefined });
    expect(issuesOf(config).map((line) => line.slice(0, line.indexOf(": ")))).toEqual(["auth0:clientSecret", "auth0:domain", "auth0kit:aplications"]);
  });

  it("throws a ConfigError whose message is one line per problem, sorted by path", () => {
    const error = configErrorOf(
      configWith({ "auth0kit:apis": { core: { rbac: false } }, "auth0kit:applications": { spa: { managementApiScopes: ["read:users"] } } }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe("ConfigError");
    expect(error.message.split("\n")).toEqual([
      "auth0kit:apis.core.permissionsInToken: requires rbac: true (Auth0 adds the permissions claim only when RBAC is enforced); turn rbac on or set this to false",
      "auth0kit:applications.spa.managementApiScopes: a single-page application without client_credentials cannot call the Management API; move these scopes to an m2m application",
    ]);
  });

  it("reports a structured key that is not JSON as the text it is, quoted", () => {
    expect(issuesOf(configWith({ "auth0kit:apis": "{core: " }))).toEqual(['auth0kit:apis: expected a map, got the text "{core: "']);
  });
});
