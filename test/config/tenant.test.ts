import { describe, expect, it } from "vitest";
import { IDLE_SESSION_LIFETIME_MAX_HOURS, SESSION_LIFETIME_MAX_HOURS } from "../../config/bounds";
import { sessionLifetimes } from "../../config/rules/tenant";
import { configWith, issuesOf, specOf } from "./fixtures";

const tenant = (fields: Record<string, unknown>) => configWith({ "auth0kit:tenant": fields });
const WHOLE_HOURS = "session lifetimes are whole hours; write e.g. 72, 72h or 7d";

describe("tenant session lifetimes", () => {
  it("reads 7d as 168 hours and 72h as 72 hours", () => {
    expect(specOf(tenant({ sessionLifetime: "7d", idleSessionLifetime: "72h" })).tenant).toMatchObject({
      sessionLifetime: 168,
      idleSessionLifetime: 72,
    });
  });

  it("rejects a lifetime that is not a whole number of hours", () => {
    expect(issuesOf(tenant({ sessionLifetime: "90m" }))).toEqual([`auth0kit:tenant.sessionLifetime: ${WHOLE_HOURS}`]);
  });

  it("rejects a non-whole idle lifetime", () => {
    expect(issuesOf(tenant({ idleSessionLifetime: "30m" }))).toEqual([`auth0kit:tenant.idleSessionLifetime: ${WHOLE_HOURS}`]);
  });

  it("rejects a lifetime that is not a duration, before checking hours", () => {
    expect(issuesOf(tenant({ sessionLifetime: "one week" }))).toEqual([
      'auth0kit:tenant.sessionLifetime: "one week" is not a duration; write whole hours (e.g. 72) or a number with h or d (e.g. 72h, 7d)',
    ]);
  });

  it("reads a plain number as hours", () => {
    expect(specOf(tenant({ sessionLifetime: 168 })).tenant.sessionLifetime).toBe(168);
  });

  it("accepts Auth0's maximums (365 days, 100 days idle)", () => {
    expect(specOf(tenant({ sessionLifetime: "365d", idleSessionLifetime: "100d" })).tenant).toMatchObject({
      sessionLifetime: SESSION_LIFETIME_MAX_HOURS,
      idleSessionLifetime: IDLE_SESSION_LIFETIME_MAX_HOURS,
    });
  });

  it("rejects a session lifetime over the maximum", () => {
    expect(issuesOf(tenant({ sessionLifetime: "8761h" }))).toEqual([
      "auth0kit:tenant.sessionLifetime: 8761h exceeds Auth0's maximum of 8760h; lower it",
    ]);
  });

  it("rejects an idle lifetime over the maximum", () => {
    expect(issuesOf(tenant({ sessionLifetime: "365d", idleSessionLifetime: "2401h" }))).toEqual([
      "auth0kit:tenant.idleSessionLifetime: 2401h exceeds Auth0's maximum of 2400h; lower it",
    ]);
  });

  it("rejects an idle lifetime longer than the session lifetime", () => {
    expect(issuesOf(tenant({ sessionLifetime: "24h", idleSessionLifetime: "3d" }))).toEqual([
      "auth0kit:tenant.idleSessionLifetime: 3d exceeds the session lifetime of 24h; a session cannot stay idle longer than it lives",
    ]);
  });

  it("is a pure rule over the spec", () => {
    const spec = specOf(tenant({}));
    expect(sessionLifetimes({ ...spec, tenant: { ...spec.tenant, sessionLifetime: 10, idleSessionLifetime: 11 } })).toEqual([
      {
        path: "auth0kit:tenant.idleSessionLifetime",
        message: "11h exceeds the session lifetime of 10h; a session cannot stay idle longer than it lives",
      },
    ]);
  });
});

describe("tenant settings", () => {
  it("defaults to English and to enabling connections only where named", () => {
    expect(specOf(configWith()).tenant).toEqual({ enabledLocales: ["en"], enableClientConnections: false });
  });

  it("rejects an unknown tenant field", () => {
    expect(issuesOf(tenant({ sesionLifetime: "7d" }))).toEqual([
      'auth0kit:tenant: unknown key "sesionLifetime"; did you mean "sessionLifetime"?',
    ]);
  });

  it("rejects a malformed support email", () => {
    expect(issuesOf(tenant({ supportEmail: "support" }))).toEqual([
      "auth0kit:tenant.supportEmail: expected an email address such as support@example.com",
    ]);
  });

  it("rejects a malformed locale by index", () => {
    expect(issuesOf(tenant({ enabledLocales: ["en", "english"] }))).toEqual([
      "auth0kit:tenant.enabledLocales[1]: use a locale code such as en or pt-BR",
    ]);
  });

  it("requires at least one locale", () => {
    expect(issuesOf(tenant({ enabledLocales: [] }))).toEqual(["auth0kit:tenant.enabledLocales: needs at least 1 item"]);
  });
});

describe("tenant plan tier", () => {
  it("accepts each Auth0 plan and leaves it unset by default", () => {
    expect(specOf(tenant({ planTier: "enterprise-nonprod" })).tenant.planTier).toBe("enterprise-nonprod");
    expect(specOf(tenant({})).tenant.planTier).toBeUndefined();
  });

  it("rejects a tier that is not an Auth0 plan, listing the tiers", () => {
    expect(issuesOf(tenant({ planTier: "startup" }))).toEqual([
      'auth0kit:tenant.planTier: "startup" is not allowed; use one of free, essentials, professional, enterprise, enterprise-nonprod',
    ]);
  });
});
