import { describe, expect, it } from "vitest";
import { configWith, issuesOf, specOf } from "./fixtures";

/** Durations are read through the spa's ID-token lifetime, which has no bounds of its own. */
const idTokenLifetime = (value: unknown) => configWith({ "auth0kit:applications": { spa: { idTokenLifetime: value } } });
const PATH = "auth0kit:applications.spa.idTokenLifetime";

describe("durations", () => {
  it.each([
    ["15m", 900],
    ["30d", 2_592_000],
    ["24h", 86_400],
    ["45s", 45],
    [900, 900],
  ])("reads %j as %i seconds", (value, seconds) => {
    expect(specOf(idTokenLifetime(value)).applications.spa!.idTokenLifetime).toBe(seconds);
  });

  it.each(["10 minutes", "15", "1.5h", "15M", "1w", "0m", "-5m", ""])("rejects the string %j, saying how to write one", (value) => {
    expect(issuesOf(idTokenLifetime(value))).toEqual([
      `${PATH}: "${value}" is not a duration; write seconds (e.g. 900) or a number with s, m, h or d (e.g. 15m)`,
    ]);
  });

  it.each([0, -60, 1.5])("rejects the number %d, which is not a positive whole number of seconds", (value) => {
    expect(issuesOf(idTokenLifetime(value))).toEqual([`${PATH}: expected a positive whole number of seconds, got ${value}`]);
  });

  it.each([true, null, ["15m"]])("rejects %j, which is neither seconds nor a duration", (value) => {
    expect(issuesOf(idTokenLifetime(value))).toEqual([
      `${PATH}: expected seconds (a whole number) or a duration such as 15m, 24h or 30d`,
    ]);
  });
});

describe("formatDuration", () => {
  it.each([
    [2_678_400, "31d"],
    [14_400, "4h"],
    [5_400, "90m"],
    [86_401, "86401s"],
  ])("writes %i seconds as %s", async (seconds, text) => {
    const { formatDuration } = await import("../../config/schema/common");
    expect(formatDuration(seconds)).toBe(text);
  });
});
