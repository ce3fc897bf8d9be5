import { describe, expect, it } from "vitest";
import { configWith, issuePathsOf, issuesOf, specOf } from "./fixtures";

describe("auth0kit:environment", () => {
  it.each(["dev", "stage", "prod", "local"] as const)("accepts %s", (environment) => {
    expect(specOf(configWith({ "auth0kit:environment": environment })).environment).toBe(environment);
  });

  it("is required", () => {
    expect(issuesOf(configWith({ "auth0kit:environment": undefined }))).toEqual([
      "auth0kit:environment: required; set it to dev, stage, prod or local",
    ]);
  });

  it("rejects an unknown environment, naming it and listing dev, stage, prod and local", () => {
    expect(issuesOf(configWith({ "auth0kit:environment": "banana" }))).toEqual([
      'auth0kit:environment: "banana" is not allowed; use one of dev, stage, prod, local',
    ]);
  });

  it.each(["", "Prod", " dev"])("rejects %j, which is not exactly one of the environments", (environment) => {
    expect(issuesOf(configWith({ "auth0kit:environment": environment }))).toEqual([
      `auth0kit:environment: "${environment}" is not allowed; use one of dev, stage, prod, local`,
    ]);
  });
});

describe("top-level keys", () => {
  const knownKeys = [
    "environment", "tenant", "apis", "applications", "generatedSecrets", "envFiles",
    "connections", "organizations", "logStreams", "mfa", "attackProtection", "actions", "roles", "email", "login", "overrides",
  ].map((key) => `auth0kit:${key}`).join(", ");

  it("rejects a misspelled auth0kit key and lists the known keys", () => {
    expect(issuesOf(configWith({ "auth0kit:aplications": {} }))).toEqual([
      `auth0kit:aplications: unknown key; remove it or fix the spelling (known keys: ${knownKeys})`,
    ]);
  });

  it("reports each unknown auth0kit key", () => {
    expect(issuePathsOf(configWith({ "auth0kit:zeta": "1", "auth0kit:alpha": "2" }))).toEqual([
      "auth0kit:alpha",
      "auth0kit:zeta",
    ]);
  });

  it("ignores keys of other namespaces", () => {
    expect(issuesOf(configWith({ "aws:region": "eu-west-1", "auth0:debug": "true" }))).toEqual([]);
  });
});
