import { describe, expect, it } from "vitest";
import { configWith, issuesOf } from "./fixtures";

const NOT_ABSOLUTE = "is not an absolute URL; write it with its scheme, e.g. https://app.example.com/callback";

const spaCallbacks = (callbacks: string[], environment = "dev") =>
  configWith({ "auth0kit:environment": environment, "auth0kit:applications": { spa: { callbacks } } });

describe("absolute URLs", () => {
  it("rejects a relative callback by index", () => {
    expect(issuesOf(spaCallbacks(["https://app.example.com/callback", "/callback"]))).toEqual([
      `auth0kit:applications.spa.callbacks[1]: "/callback" ${NOT_ABSOLUTE}`,
    ]);
  });

  it("rejects a host without a scheme", () => {
    expect(issuesOf(spaCallbacks(["app.example.com/callback"]))).toEqual([
      `auth0kit:applications.spa.callbacks[0]: "app.example.com/callback" ${NOT_ABSOLUTE}`,
    ]);
  });

  it.each(["logoutUrls", "webOrigins", "allowedOrigins"])("rejects a relative URL in %s", (field) => {
    expect(issuesOf(configWith({ "auth0kit:applications": { spa: { [field]: ["app"] } } }))).toEqual([
      `auth0kit:applications.spa.${field}[0]: "app" ${NOT_ABSOLUTE}`,
    ]);
  });

  it("rejects an API identifier that is not an absolute URL", () => {
    expect(issuesOf(configWith({ "auth0kit:apis": { core: { identifier: "core-api" } } }))).toEqual([
      `auth0kit:apis.core.identifier: "core-api" ${NOT_ABSOLUTE}`,
    ]);
  });

  it("rejects a support URL that is not an absolute URL", () => {
    expect(issuesOf(configWith({ "auth0kit:tenant": { supportUrl: "example.com/help" } }))).toEqual([
      `auth0kit:tenant.supportUrl: "example.com/help" ${NOT_ABSOLUTE}`,
    ]);
  });

  it("rejects localhost:3000/callback, which lacks its scheme", () => {
    expect(issuesOf(spaCallbacks(["localhost:3000/callback"]))).toEqual([
      `auth0kit:applications.spa.callbacks[0]: "localhost:3000/callback" ${NOT_ABSOLUTE}`,
    ]);
  });
});

describe.each(["prod", "stage"])("URLs in %s", (environment) => {
  const fix = "use https with the real host or move it to the dev stack";
  const callbacks = (...urls: string[]) => spaCallbacks(["https://app.example.com/callback", ...urls], environment);

  it("rejects http", () => {
    expect(issuesOf(callbacks("http://app.example.com/callback"))).toEqual([
      `auth0kit:applications.spa.callbacks[1]: http://app.example.com/callback is not allowed in ${environment}; ${fix}`,
    ]);
  });

  it("rejects http://localhost as http", () => {
    expect(issuesOf(callbacks("http://localhost:3000/callback"))).toEqual([
      `auth0kit:applications.spa.callbacks[1]: http://localhost:3000/callback is not allowed in ${environment}; ${fix}`,
    ]);
  });

  it.each(["https://localhost:3000/callback", "https://127.0.0.1/callback", "https://[::1]/callback", "https://0.0.0.0/callback"])(
    "rejects %s, which points at this machine",
    (url) => {
      expect(issuesOf(callbacks(url))).toEqual([
        `auth0kit:applications.spa.callbacks[1]: ${url} points at this machine, which is not allowed in ${environment}; ${fix}`,
      ]);
    },
  );

  it("rejects a wildcard", () => {
    expect(issuesOf(callbacks("https://*.example.com/callback"))).toEqual([
      `auth0kit:applications.spa.callbacks[1]: https://*.example.com/callback has a wildcard, which is not allowed in ${environment}; list each URL explicitly`,
    ]);
  });

  it("reports both http and a wildcard in one URL", () => {
    expect(issuesOf(callbacks("http://*.example.com/callback"))).toEqual([
      `auth0kit:applications.spa.callbacks[1]: http://*.example.com/callback is not allowed in ${environment}; ${fix}`,
      `auth0kit:applications.spa.callbacks[1]: http://*.example.com/callback has a wildcard, which is not allowed in ${environment}; list each URL explicitly`,
    ]);
  });

  it.each(["logoutUrls", "webOrigins", "allowedOrigins"])("checks %s too", (field) => {
    const config = configWith({ "auth0kit:environment": environment, "auth0kit:applications": { native: { [field]: ["https://cli.example.com", "http://localhost:8080"] } } });
    expect(issuesOf(config)).toEqual([
      `auth0kit:applications.native.${field}[1]: http://localhost:8080 is not allowed in ${environment}; ${fix}`,
    ]);
  });

  it("checks API identifiers", () => {
    const config = configWith({ "auth0kit:environment": environment, "auth0kit:apis": { core: { identifier: "http://api.example.com/" } } });
    expect(issuesOf(config)).toEqual([`auth0kit:apis.core.identifier: http://api.example.com/ is not allowed in ${environment}; ${fix}`]);
  });

  it("checks the tenant's support URL", () => {
    const config = configWith({ "auth0kit:environment": environment, "auth0kit:tenant": { supportUrl: "https://localhost/help" } });
    expect(issuesOf(config)).toEqual([
      `auth0kit:tenant.supportUrl: https://localhost/help points at this machine, which is not allowed in ${environment}; ${fix}`,
    ]);
  });

  it("rejects a javascript: callback", () => {
    expect(issuesOf(callbacks("javascript:alert(1)")).map((line) => line.slice(0, line.indexOf(": ")))).toEqual([
      "auth0kit:applications.spa.callbacks[1]",
    ]);
  });

  it("accepts https on a real host", () => {
    expect(issuesOf(callbacks("https://app.example.com/other-callback"))).toEqual([]);
  });
});

describe.each(["dev"])("URLs in %s", (environment) => {
  it("allows http://localhost", () => {
    expect(issuesOf(spaCallbacks(["http://localhost:3000/callback", "http://127.0.0.1:3000/callback"], environment))).toEqual([]);
  });

  it("allows wildcards", () => {
    expect(issuesOf(spaCallbacks(["https://*.preview.example.com/callback"], environment))).toEqual([]);
  });

  it("still requires absolute URLs", () => {
    expect(issuesOf(spaCallbacks(["callback"], environment))).toEqual([
      `auth0kit:applications.spa.callbacks[0]: "callback" ${NOT_ABSOLUTE}`,
    ]);
  });
});
