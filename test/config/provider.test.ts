import { describe, expect, it } from "vitest";
import { configWith, issuesOf, PRODUCTION_READY, specOf } from "./fixtures";

const plainText = (key: string) =>
  `${key}: is stored in plain text; remove it from the stack file and set it with: pulumi config set --secret ${key} <value>`;
const DOMAIN_REQUIRED =
  "auth0:domain: required; set the tenant's domain with: pulumi config set auth0:domain <tenant>.<region>.auth0.com (or export AUTH0_DOMAIN)";

describe("provider secrets", () => {
  it.each(["auth0:clientSecret", "auth0:apiToken", "auth0:clientAssertionPrivateKey"])("rejects %s in plain text", (key) => {
    expect(issuesOf(configWith({ [key]: "s3cr3t" }))).toEqual([plainText(key)]);
  });

  it.each(["auth0:clientSecret", "auth0:apiToken", "auth0:clientAssertionPrivateKey"])("accepts %s set as a secret", (key) => {
    expect(issuesOf(configWith({ [key]: "s3cr3t" }), { secretKeys: [key] })).toEqual([]);
  });

  it("accepts a plain-text client ID", () => {
    expect(issuesOf(configWith({ "auth0:clientId": "abc123" }))).toEqual([]);
  });

  it("rejects a plain-text secret even in the local environment", () => {
    expect(issuesOf(configWith({ "auth0kit:environment": "local", "auth0:clientSecret": "s3cr3t" }))).toEqual([
      plainText("auth0:clientSecret"),
    ]);
  });
});

describe("auth0:domain", () => {
  it.each(["dev", "stage", "prod"])("is required in %s", (environment) => {
    expect(issuesOf(configWith({ "auth0kit:environment": environment, "auth0:domain": undefined }))).toEqual([DOMAIN_REQUIRED]);
  });

  it("rejects an empty domain", () => {
    expect(issuesOf(configWith({ "auth0:domain": "" }))).toEqual([DOMAIN_REQUIRED]);
  });

  it("is not required in local, which defaults it to localhost", () => {
    expect(specOf(configWith({ "auth0kit:environment": "local", "auth0:domain": undefined })).domain).toBe("localhost");
  });

  it("falls back to AUTH0_DOMAIN", () => {
    const config = configWith({ "auth0:domain": undefined });
    expect(specOf(config, { env: { AUTH0_DOMAIN: "example-env.eu.auth0.com" } }).domain).toBe("example-env.eu.auth0.com");
  });

  it("prefers the stack's auth0:domain over AUTH0_DOMAIN", () => {
    expect(specOf(configWith(), { env: { AUTH0_DOMAIN: "example-env.eu.auth0.com" } }).domain).toBe("example-dev.us.auth0.com");
  });

  it.each(["https://example-dev.us.auth0.com", "example-dev.us.auth0.com/", "example", "-bad.auth0.com"])("rejects the malformed domain %j", (domain) => {
    expect(issuesOf(configWith({ "auth0:domain": domain }))).toEqual([
      `auth0:domain: "${domain}" is not a domain; write the host only, e.g. alphaswarm-dev.us.auth0.com`,
    ]);
  });

  it("accepts a custom domain", () => {
    expect(specOf(configWith({ "auth0:domain": "login.example.com" })).domain).toBe("login.example.com");
  });

  it("accepts the local emulator's loopback address in a non-prod stack", () => {
    const spec = specOf(configWith({ "auth0:domain": "127.0.0.1:4443" }));
    expect(spec.domain).toBe("127.0.0.1:4443");
  });

  it.each(["127.0.0.1:0", "10.0.0.1:4443", "localhost:99999x"])("still rejects %j, which is not the emulator's address form", (domain) => {
    expect(issuesOf(configWith({ "auth0:domain": domain }))).toEqual([
      `auth0:domain: "${domain}" is not a domain; write the host only, e.g. alphaswarm-dev.us.auth0.com`,
    ]);
  });

  it("refuses the emulator's address in a prod stack", () => {
    expect(issuesOf(configWith({ ...PRODUCTION_READY, "auth0kit:environment": "prod", "auth0:domain": "127.0.0.1:4443" }))).toEqual([
      `auth0:domain: "127.0.0.1:4443" is a local emulator's address; a prod stack deploys to its Auth0 tenant, e.g. alphaswarm.us.auth0.com`,
    ]);
  });
});

describe("auth0:domain echoed", () => {
  it("escapes a line break instead of splitting the message", () => {
    expect(issuesOf(configWith({ "auth0:domain": "example-dev.us\n.auth0.com" }))).toEqual([
      'auth0:domain: "example-dev.us\\n.auth0.com" is not a domain; write the host only, e.g. alphaswarm-dev.us.auth0.com',
    ]);
  });
});
