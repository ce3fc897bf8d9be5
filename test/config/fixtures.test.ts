import { describe, expect, it } from "vitest";
import { baseConfig, configWith, issuesOf, merge } from "./fixtures";

describe("test fixtures", () => {
  it.each(["dev", "stage", "prod", "local"])("base configuration is valid in %s", (environment) => {
    expect(issuesOf(configWith({ "auth0kit:environment": environment }))).toEqual([]);
  });

  it("merges maps key by key, replaces arrays and removes keys set to undefined", () => {
    const merged = merge(
      { a: { b: 1, c: [1, 2] }, d: "keep", e: "drop" },
      { a: { c: [3], f: true }, e: undefined },
    );
    expect(merged).toEqual({ a: { b: 1, c: [3], f: true }, d: "keep" });
  });

  it("does not mutate the base configuration", () => {
    const base = baseConfig();
    const before = JSON.stringify(base);
    merge(base, { "auth0kit:apis": { core: { rbac: false } }, "auth0:domain": undefined });
    expect(JSON.stringify(base)).toBe(before);
  });
});
