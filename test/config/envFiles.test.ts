import { describe, expect, it } from "vitest";
import { configWith, issuesOf, specOf } from "./fixtures";

const file = (kind: string, vars: unknown[], extra: Record<string, unknown> = {}) =>
  configWith({ "auth0kit:envFiles": { app: { kind, path: "out/.env", vars } }, ...extra });
const withGrant = { "auth0kit:applications": { spa: { grants: { core: { permissions: ["read:things"] } } } } };

describe("env file references", () => {
  it("reads literals, references and comments in order", () => {
    const spec = specOf(file("backend", [{ comment: "IdP" }, { A: "x" }, { B: 5 }, { C: { ref: "issuer" } }]));
    expect(spec.envFiles.app!.lines).toEqual([
      { comment: "IdP" },
      { name: "A", value: { literal: "x" } },
      { name: "B", value: { literal: "5" } },
      { name: "C", value: { ref: "issuer" } },
    ]);
  });

  it("rejects an unknown API and lists the defined ones", () => {
    expect(issuesOf(file("backend", [{ AUD: { ref: "apiIdentifier", api: "nope" } }]))).toEqual([
      'auth0kit:envFiles.app.vars[0].AUD.api: unknown API "nope"; defined APIs: core',
    ]);
  });

  it("rejects an unknown application and lists the defined ones", () => {
    expect(issuesOf(file("backend", [{ ID: { ref: "clientId", application: "web" } }]))).toEqual([
      'auth0kit:envFiles.app.vars[0].ID.application: unknown application "web"; defined applications: m2m, native, spa',
    ]);
  });

  it("rejects an unknown generated secret", () => {
    expect(issuesOf(file("backend", [{ TOKEN: { ref: "generatedSecret", name: "bootstrap" } }]))).toEqual([
      'auth0kit:envFiles.app.vars[0].TOKEN.name: unknown generated secret "bootstrap"; no generated secrets are defined (add it under auth0kit:generatedSecrets)',
    ]);
  });

  it("rejects an unknown reference kind, naming the kinds", () => {
    expect(issuesOf(file("backend", [{ X: { ref: "tenantId" } }]))).toEqual([
      "auth0kit:envFiles.app.vars[0].X.ref: unknown reference; use one of issuer, domain, customDomain, jwksUrl, managementApiAudience, apiIdentifier, clientId, clientSecret, organizationId, roleId, logStreamSecret, generatedSecret, enforcement, scopes",
    ]);
  });

  it("rejects two variables with one name in a file", () => {
    expect(issuesOf(file("backend", [{ A: "1" }, { comment: "again" }, { A: "2" }]))).toEqual([
      "auth0kit:envFiles.app.vars[2].A: A is already set at vars[0]; keep one of them",
    ]);
  });

  it("rejects two files with one path", () => {
    const config = configWith({
      "auth0kit:envFiles": { one: { kind: "backend", path: "x/.env", vars: [{ A: "1" }] }, two: { kind: "cli", path: "x/.env", vars: [{ A: "1" }] } },
    });
    expect(issuesOf(config)).toEqual(['auth0kit:envFiles.two.path: "x/.env" is also the path of env file "one"; give each file its own path']);
  });

  it("rejects an absolute path", () => {
    expect(issuesOf(configWith({ "auth0kit:envFiles": { app: { kind: "backend", path: "/etc/app.env", vars: [{ A: "1" }] } } }))).toEqual([
      "auth0kit:envFiles.app.path: use a path relative to the project directory",
    ]);
  });

  it("rejects a literal that no .env quoting can carry", () => {
    expect(issuesOf(file("backend", [{ A: "trailing\\" }]))).toEqual([
      "auth0kit:envFiles.app.vars[0].A: the value ends with a backslash, which dotenv reads as an escaped closing quote; remove it",
    ]);
  });
});

describe("secrets in env files", () => {
  it.each([
    [{ ref: "clientSecret", application: "m2m" }, {}],
    [{ ref: "generatedSecret", name: "token" }, { "auth0kit:generatedSecrets": { token: {} } }],
    [{ secret: "smtpPassword" }, { "auth0kit:smtpPassword": "x" }],
  ])("never lets a frontend file hold a secret: %j", (value, extra) => {
    const config = file("frontend", [{ VITE_X: value }], extra);
    expect(issuesOf(config, { secretKeys: Object.keys(extra).filter((key) => key === "auth0kit:smtpPassword") })).toEqual([
      "auth0kit:envFiles.app.vars[0].VITE_X: a frontend file can never hold a secret (it ends up in the browser bundle); move this variable to a backend file",
    ]);
  });

  it("keeps client secrets out of cli files", () => {
    expect(issuesOf(file("cli", [{ S: { ref: "clientSecret", application: "m2m" } }]))).toEqual([
      "auth0kit:envFiles.app.vars[0].S: a client secret may only go to a backend file, not a cli file; move this variable to a backend file",
    ]);
  });

  it("says a public client has no secret", () => {
    expect(issuesOf(file("backend", [{ S: { ref: "clientSecret", application: "spa" } }]))).toEqual([
      'auth0kit:envFiles.app.vars[0].S.application: "spa" is a public client (spa) and has no client secret; leave the variable empty with a literal "" instead',
    ]);
  });

  it("accepts a client secret and a generated secret in a backend file", () => {
    const config = file("backend", [{ S: { ref: "clientSecret", application: "m2m" } }, { T: { ref: "generatedSecret", name: "token" } }], {
      "auth0kit:generatedSecrets": { token: { bytes: 32 } },
    });
    expect(issuesOf(config)).toEqual([]);
  });
});

describe("scopes and audiences", () => {
  it("builds scopes from a grant that exists", () => {
    expect(issuesOf(file("frontend", [{ SCOPE: { ref: "scopes", application: "spa", api: "core" } }], withGrant))).toEqual([]);
  });

  it("rejects scopes for an application without a grant to that API", () => {
    expect(issuesOf(file("frontend", [{ SCOPE: { ref: "scopes", application: "native", api: "core" } }]))).toEqual([
      'auth0kit:envFiles.app.vars[0].SCOPE: application "native" has no grant to API "core"; add auth0kit:applications.native.grants.core with the permissions it requests',
    ]);
  });

  it("rejects offline_access when the API issues no refresh tokens", () => {
    expect(issuesOf(file("frontend", [{ SCOPE: { ref: "scopes", application: "spa", api: "core", offlineAccess: true } }], withGrant))).toEqual([
      'auth0kit:envFiles.app.vars[0].SCOPE.offlineAccess: API "core" does not allow offline access, so Auth0 would issue no refresh token; set auth0kit:apis.core.allowOfflineAccess: true or drop offline_access',
    ]);
  });

  const frontend = (scope: string) =>
    file(
      "frontend",
      [{ VITE_AUDIENCE: { ref: "apiIdentifier", api: "core" } }, { VITE_CLIENT_ID: { ref: "clientId", application: "spa" } }, { VITE_SCOPE: scope }],
      withGrant,
    );

  it("accepts a literal scope string of OIDC scopes and granted permissions", () => {
    expect(issuesOf(frontend("openid profile email offline_access read:things"))).toEqual([]);
  });

  it("rejects a literal scope the audience API never defined", () => {
    expect(issuesOf(frontend("openid read:nothing"))).toEqual([
      'auth0kit:envFiles.app.vars[2].VITE_SCOPE: requests "read:nothing", which is not a permission of "core"; define it on the API or remove it',
    ]);
  });

  it("rejects a literal scope that is not granted to the file's application", () => {
    expect(issuesOf(frontend("openid write:things"))).toEqual([
      'auth0kit:envFiles.app.vars[2].VITE_SCOPE: requests "write:things", which application "spa" is not granted; add it to auth0kit:applications.spa.grants.core.permissions',
    ]);
  });

  it("rejects scopes built for another API than the file's audience", () => {
    const config = file(
      "frontend",
      [{ AUD: { ref: "apiIdentifier", api: "core" } }, { SCOPE: { ref: "scopes", application: "spa", api: "other" } }],
      {
        "auth0kit:apis": { other: { identifier: "https://other.example.com/", permissions: { "read:x": "x" } } },
        "auth0kit:applications": { spa: { grants: { other: { permissions: ["read:x"] } } } },
      },
    );
    expect(issuesOf(config)).toEqual([
      'auth0kit:envFiles.app.vars[1].SCOPE.api: requests scopes of API "other" but the file\'s audience is "core"; use the same API for both',
    ]);
  });

  it("rejects a literal JWKS URL on another domain than the tenant's issuer, once, with the reference to write", () => {
    const config = file("backend", [{ ISSUER: { ref: "issuer" } }, { JWKS_URL: "https://other.example.com/.well-known/jwks.json" }]);
    expect(issuesOf(config)).toEqual([
      'auth0kit:envFiles.app.vars[1].JWKS_URL: "https://other.example.com/.well-known/jwks.json" is not the JWKS URL of this stack (this tenant\'s is https://example-dev.us.auth0.com/.well-known/jwks.json); write { ref: jwksUrl }',
    ]);
  });

  it("rejects a local stack's issuer and JWKS URL literals on different domains", () => {
    const config = file("backend", [{ ISSUER: "https://auth.localhost/" }, { JWKS_URL: "https://other.localhost/.well-known/jwks.json" }], {
      "auth0kit:environment": "local",
    });
    expect(issuesOf(config)).toEqual([
      "auth0kit:envFiles.app.vars[1].JWKS_URL: is on other.localhost but ISSUER is on auth.localhost; the issuer and the JWKS URL must come from the same domain",
    ]);
  });
});

describe("organization, log-stream and custom-domain references", () => {
  const withOrgAndStreams = {
    "auth0kit:organizations": { acme: { displayName: "Acme" } },
    "auth0kit:logStreams": {
      hook: { type: "webhook", url: "https://api.example.com/hook" },
      dd: { type: "datadog", region: "us", apiKey: { secret: "ddKey" } },
    },
    "auth0kit:ddKey": "x",
  };
  const secretKeys = ["auth0kit:ddKey"];

  it("resolves an organization ID and a webhook's bearer secret in a backend file", () => {
    const config = file("backend", [{ ORG: { ref: "organizationId", organization: "acme" } }, { HOOK: { ref: "logStreamSecret", logStream: "hook" } }], withOrgAndStreams);
    expect(issuesOf(config, { secretKeys })).toEqual([]);
  });

  it("rejects an unknown organization and lists the defined ones", () => {
    const config = file("backend", [{ ORG: { ref: "organizationId", organization: "globex" } }], withOrgAndStreams);
    expect(issuesOf(config, { secretKeys })).toEqual(['auth0kit:envFiles.app.vars[0].ORG.organization: unknown organization "globex"; defined organizations: acme']);
  });

  it("rejects the bearer secret of a stream that has none", () => {
    const config = file("backend", [{ HOOK: { ref: "logStreamSecret", logStream: "dd" } }], withOrgAndStreams);
    expect(issuesOf(config, { secretKeys })).toEqual([
      'auth0kit:envFiles.app.vars[0].HOOK.logStream: log stream "dd" is a datadog stream and has no generated bearer secret; reference a webhook stream',
    ]);
  });

  it("keeps a log stream's bearer secret out of a frontend file", () => {
    const config = file("frontend", [{ VITE_HOOK: { ref: "logStreamSecret", logStream: "hook" } }], withOrgAndStreams);
    expect(issuesOf(config, { secretKeys })).toEqual([
      "auth0kit:envFiles.app.vars[0].VITE_HOOK: a frontend file can never hold a secret (it ends up in the browser bundle); move this variable to a backend file",
    ]);
  });

  it("rejects a custom-domain reference in a stack without one", () => {
    expect(issuesOf(file("frontend", [{ VITE_DOMAIN: { ref: "customDomain" } }]))).toEqual([
      "auth0kit:envFiles.app.vars[0].VITE_DOMAIN: the stack has no custom domain; set auth0kit:tenant.customDomain or use { ref: domain }",
    ]);
  });

  it("compares the issuer's domain, which moves to the custom domain with useForIssuer, with a literal JWKS URL", () => {
    const config = file("backend", [{ ISSUER: { ref: "issuer" } }, { JWKS_URL: "https://example-dev.us.auth0.com/.well-known/jwks.json" }], {
      "auth0kit:tenant": { customDomain: { domain: "auth.example.com", useForIssuer: true } },
    });
    expect(issuesOf(config)).toEqual([
      'auth0kit:envFiles.app.vars[1].JWKS_URL: "https://example-dev.us.auth0.com/.well-known/jwks.json" is not the JWKS URL of this stack (this tenant\'s is https://auth.example.com/.well-known/jwks.json); write { ref: jwksUrl }',
    ]);
  });
});

describe("local stacks", () => {
  it("allow literals and generated secrets but no tenant references", () => {
    const config = file("backend", [{ A: "x" }, { T: { ref: "generatedSecret", name: "token" } }, { I: { ref: "issuer" } }], {
      "auth0kit:environment": "local",
      "auth0kit:generatedSecrets": { token: {} },
    });
    expect(issuesOf(config)).toEqual([
      "auth0kit:envFiles.app.vars[2].I: a local stack provisions no Auth0 tenant, so there is no issuer to reference; use a literal or a generated secret",
    ]);
  });
});

describe("generated secrets", () => {
  it("applies 32 hex bytes and rotation 1 by default", () => {
    expect(specOf(configWith({ "auth0kit:generatedSecrets": { token: {} } })).generatedSecrets).toEqual({
      token: { bytes: 32, encoding: "hex", rotation: 1 },
    });
  });

  it("refuses fewer than 16 bytes", () => {
    expect(issuesOf(configWith({ "auth0kit:generatedSecrets": { token: { bytes: 8 } } }))).toEqual([
      "auth0kit:generatedSecrets.token.bytes: use at least 16 random bytes (128 bits)",
    ]);
  });
});
