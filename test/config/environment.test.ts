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

  it("rejects \"\", which is not one of the environments", () => {
    expect(issuesOf(configWith({ "auth0kit:environment": "" }))).toEqual(['auth0kit:environment: "" is not allowed; use one of dev, stage, prod, local']);
  });

  it.each([
    ["Prod", "prod"],
    [" dev", "dev"],
  ])("rejects %j, which is not exactly one of the environments, and suggests %j", (environment, meant) => {
    expect(issuesOf(configWith({ "auth0kit:environment": environment }))).toEqual([
      `auth0kit:environment: ${JSON.stringify(environment)} is not allowed; did you mean "${meant}"? (one of dev, stage, prod, local)`,
    ]);
  });
});

describe("top-level keys", () => {
  const knownKeys = [
    "environment", "tenant", "apis", "applications", "generatedSecrets", "envFiles", "workspaceRoot",
    "connections", "organizations", "logStreams", "mfa", "attackProtection", "actions", "roles", "email", "login", "rollout", "overrides",
    "organizationFiles",
  ].map((key) => `auth0kit:${key}`).join(", ");

  it("suggests the known key closest to a misspelled auth0kit key", () => {
    expect(issuesOf(configWith({ "auth0kit:aplications": {} }))).toEqual(['auth0kit:aplications: unknown key; did you mean "auth0kit:applications"?']);
  });

  it("lists the known keys when no key is close to an unknown one", () => {
    expect(issuesOf(configWith({ "auth0kit:zeta": {} }))).toEqual([`auth0kit:zeta: unknown key; remove it or fix the spelling (known keys: ${knownKeys})`]);
  });

  it.each(["constructor", "__proto__", "toString"])("reports auth0kit:%s as unknown, though every object inherits it", (name) => {
    expect(issuesOf(configWith({ [`auth0kit:${name}`]: {} }))).toEqual([
      `auth0kit:${name}: unknown key; remove it or fix the spelling (known keys: ${knownKeys})`,
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

describe("local stacks", () => {
  const local = (overrides: Record<string, unknown>) => configWith({ "auth0kit:environment": "local", ...overrides });

  it.each([
    ["auth0kit:apis", { core: { identifier: "https://api.example.com/" } }, "these APIs would never be created"],
    ["auth0kit:applications", { spa: { type: "spa" } }, "these applications would never be created"],
    ["auth0kit:connections", { users: { kind: "database" } }, "these connections would never be created"],
    ["auth0kit:organizations", { acme: {} }, "these organizations would never be created"],
    ["auth0kit:actions", { login: { source: "actions/post-login.js", trigger: "post-login", order: 1 } }, "these Actions would never be deployed"],
    ["auth0kit:logStreams", { audit: { type: "webhook", url: "https://logs.example.com/" } }, "these log streams would never be created"],
    ["auth0kit:mfa", { policy: "all-applications" }, "these MFA settings would never be applied"],
    ["auth0kit:attackProtection", { bruteForce: {} }, "these attack-protection settings would never be applied"],
    ["auth0kit:tenant", { customDomain: { domain: "auth.example.com" } }, "these tenant settings would never be applied"],
  ])("refuses %s, which would provision Auth0 resources, saying why", (key, value, what) => {
    expect(issuesOf(local({ [key]: value }))).toEqual([
      `${key}: a local stack provisions nothing in Auth0, so ${what}; remove ${key} or move it to a dev stack`,
    ]);
  });

  it("accepts an empty map, which declares nothing", () => {
    expect(issuesOf(local({ "auth0kit:apis": {}, "auth0kit:applications": {} }))).toEqual([]);
  });
});
