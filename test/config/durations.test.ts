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

describe("messages in the units the stack file used", () => {
  it("says 48h and 24h to a file that wrote 48h and 24h, not 2d and 1d", () => {
    const apps = { "auth0kit:applications": { spa: { grantTypes: ["authorization_code", "refresh_token"], refreshToken: { absoluteLifetime: "24h", idleLifetime: "48h" } } } };
    expect(issuesOf(configWith(apps))).toEqual([
      "auth0kit:applications.spa.refreshToken.idleLifetime: 48h exceeds the absolute lifetime of 24h; the inactivity lifetime must not be longer than the absolute one",
    ]);
  });

  it("states Auth0's maximum in the unit of the value written", () => {
    const api = { "auth0kit:apis": { core: { tokenLifetime: "744h", tokenLifetimeForWeb: "1h" } } };
    expect(issuesOf(configWith(api))).toEqual(["auth0kit:apis.core.tokenLifetime: 744h exceeds Auth0's maximum of 720h; lower it"]);
  });

  it("uses the written unit of the other value when this one is a default", () => {
    const api = { "auth0kit:apis": { core: { tokenLifetime: "60m" } } };
    expect(issuesOf(configWith(api))).toEqual([
      "auth0kit:apis.core.tokenLifetimeForWeb: 120m exceeds the API's tokenLifetime of 60m; browser-flow tokens may not outlive the API's tokens",
    ]);
  });

  it("keeps whole hours for session lifetimes written as plain numbers", () => {
    expect(issuesOf(configWith({ "auth0kit:tenant": { sessionLifetime: 24, idleSessionLifetime: 48 } }))).toEqual([
      "auth0kit:tenant.idleSessionLifetime: 48h exceeds the session lifetime of 24h; a session cannot stay idle longer than it lives",
    ]);
  });
});
