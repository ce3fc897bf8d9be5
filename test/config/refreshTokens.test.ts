import { describe, expect, it } from "vitest";
import { REFRESH_TOKEN_LIFETIME_MAX } from "../../config/bounds";
import { configWith, issuesOf, specOf } from "./fixtures";

const policy = (refreshToken: Record<string, unknown>, app: Record<string, unknown> = {}) =>
  configWith({ "auth0kit:applications": { spa: { ...app, refreshToken } } });

describe("refresh-token policy", () => {
  it("rejects rotation without an absolute lifetime", () => {
    expect(issuesOf(policy({ rotation: true }))).toEqual([
      "auth0kit:applications.spa.refreshToken.absoluteLifetime: rotation requires an expiring token; set an absolute lifetime such as 24h or turn rotation off",
    ]);
  });

  it("rotates by default, so an empty policy needs an absolute lifetime", () => {
    expect(issuesOf(policy({}))).toEqual([
      "auth0kit:applications.spa.refreshToken.absoluteLifetime: rotation requires an expiring token; set an absolute lifetime such as 24h or turn rotation off",
    ]);
  });

  it("accepts a non-rotating token without lifetimes", () => {
    expect(specOf(policy({ rotation: false })).applications.spa!.refreshToken).toEqual({ rotation: false, leeway: 0 });
  });

  it("accepts rotation with nested lifetimes and parses them to seconds", () => {
    expect(specOf(policy({ absoluteLifetime: "30d", idleLifetime: "24h" })).applications.spa!.refreshToken).toEqual({
      rotation: true,
      absoluteLifetime: 2_592_000,
      idleLifetime: 86_400,
      leeway: 0,
    });
  });

  it("rejects an idle lifetime longer than the absolute lifetime", () => {
    expect(issuesOf(policy({ absoluteLifetime: "1h", idleLifetime: "2h" }))).toEqual([
      "auth0kit:applications.spa.refreshToken.idleLifetime: 2h exceeds the absolute lifetime of 1h; the inactivity lifetime must not be longer than the absolute one",
    ]);
  });

  it("accepts an idle lifetime equal to the absolute lifetime", () => {
    expect(issuesOf(policy({ absoluteLifetime: "1h", idleLifetime: 3600 }))).toEqual([]);
  });

  it("accepts Auth0's maximum lifetime", () => {
    expect(issuesOf(policy({ absoluteLifetime: REFRESH_TOKEN_LIFETIME_MAX }))).toEqual([]);
  });

  it("rejects an absolute lifetime over Auth0's maximum", () => {
    expect(issuesOf(policy({ absoluteLifetime: REFRESH_TOKEN_LIFETIME_MAX + 1 }))).toEqual([
      "auth0kit:applications.spa.refreshToken.absoluteLifetime: 157788001s exceeds Auth0's maximum refresh-token lifetime of 43830h; lower it",
    ]);
  });

  it("rejects an idle lifetime over Auth0's maximum", () => {
    expect(issuesOf(policy({ rotation: false, idleLifetime: "1827d" }))).toEqual([
      "auth0kit:applications.spa.refreshToken.idleLifetime: 1827d exceeds Auth0's maximum refresh-token lifetime of 43830h; lower it",
    ]);
  });

  it("rejects a policy on an application without the refresh_token grant type", () => {
    expect(issuesOf(policy({ absoluteLifetime: "24h" }, { grantTypes: ["authorization_code"] }))).toEqual([
      "auth0kit:applications.spa.refreshToken: the application does not have the refresh_token grant type; add it to grantTypes or remove this policy",
    ]);
  });

  it("accepts a policy on a native application with the default grant types", () => {
    const config = configWith({ "auth0kit:applications": { native: { refreshToken: { absoluteLifetime: "90d", idleLifetime: "15d" } } } });
    expect(issuesOf(config)).toEqual([]);
  });

  it("rejects a negative leeway", () => {
    expect(issuesOf(policy({ rotation: false, leeway: -1 }))).toEqual([
      "auth0kit:applications.spa.refreshToken.leeway: must be at least 0",
    ]);
  });

  it("rejects a fractional leeway", () => {
    expect(issuesOf(policy({ rotation: false, leeway: 1.5 }))).toEqual([
      "auth0kit:applications.spa.refreshToken.leeway: expected a whole number, got the number 1.5",
    ]);
  });
});
