import { describe, expect, it } from "vitest";
import { isIpOrCidr } from "../../config/schema/attackProtection";
import { configWith, issuesOf, specOf } from "./fixtures";

const withProtection = (protection: unknown, environment = "dev") =>
  configWith({ "auth0kit:environment": environment, ...(protection === undefined ? {} : { "auth0kit:attackProtection": protection }) });

const PROD_DEFAULTS = {
  bruteForce: { enabled: true, shields: ["block", "user-notification"], mode: "count-per-identifier-and-ip", allowlist: [] },
  breachedPasswords: { enabled: true, shields: ["block", "user-notification"], method: "standard" },
  suspiciousIpThrottling: { enabled: true, shields: ["block", "admin-notification"], allowlist: [] },
};

describe("attack protection", () => {
  it.each(["stage", "prod"])("turns every protection on by default in %s", (environment) => {
    expect(specOf(withProtection(undefined, environment)).attackProtection).toEqual(PROD_DEFAULTS);
  });

  it("manages no attack protection in dev unless configured", () => {
    expect(specOf(withProtection(undefined)).attackProtection).toBeUndefined();
  });

  it("manages, and turns on, only the protections a dev stack writes", () => {
    expect(specOf(withProtection({ bruteForce: { maxAttempts: 5 } })).attackProtection).toEqual({
      bruteForce: { ...PROD_DEFAULTS.bruteForce, maxAttempts: 5 },
    });
  });

  it("keeps a protection off when the config says so and an override allows it", () => {
    const config = {
      ...withProtection({ suspiciousIpThrottling: { enabled: false } }, "prod"),
      "auth0kit:overrides": [
        { rule: "attack-protection-on", path: "auth0kit:attackProtection.suspiciousIpThrottling", reason: "Corporate NAT shares one egress IP for every employee." },
      ],
    };
    expect(specOf(config).attackProtection?.suspiciousIpThrottling?.enabled).toBe(false);
  });

  it("accepts IPv4 and IPv6 addresses and CIDR ranges in an allow-list", () => {
    const allowlist = ["203.0.113.7", "203.0.113.0/24", "2001:db8::1", "2001:db8::/32"];
    expect(issuesOf(withProtection({ bruteForce: { allowlist }, suspiciousIpThrottling: { allowlist } }))).toEqual([]);
  });

  it.each([["203.0.113.0/33"], ["2001:db8::/129"], ["203.0.113"], ["example.com"], ["10.0.0.0/8/1"], ["10.0.0.0/x"]])(
    "rejects %s as an allow-list entry",
    (entry) => {
      expect(issuesOf(withProtection({ suspiciousIpThrottling: { allowlist: ["198.51.100.1", entry] } }))).toEqual([
        `auth0kit:attackProtection.suspiciousIpThrottling.allowlist[1]: "${entry}" is not an IP address or CIDR range; write e.g. 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32`,
      ]);
    },
  );

  it.each(["0.0.0.0/0", "::/0"])("rejects %s, which allow-lists every address", (entry) => {
    expect(issuesOf(withProtection({ bruteForce: { allowlist: [entry] } }))).toEqual([
      `auth0kit:attackProtection.bruteForce.allowlist[0]: ${entry} allow-lists every address, which turns the protection off; list only your own addresses or ranges`,
    ]);
  });

  it("rejects a shield a protection does not have", () => {
    expect(issuesOf(withProtection({ bruteForce: { shields: ["admin-notification"] } }))).toEqual([
      'auth0kit:attackProtection.bruteForce.shields[0]: "admin-notification" is not allowed; use one of block, user-notification',
    ]);
  });

  it("rejects an admin notification frequency without the admin-notification shield", () => {
    expect(issuesOf(withProtection({ breachedPasswords: { adminNotificationFrequency: ["daily"] } }))).toEqual([
      "auth0kit:attackProtection.breachedPasswords.adminNotificationFrequency: needs the admin-notification shield; add admin-notification to shields or remove adminNotificationFrequency",
    ]);
  });

  it("accepts an admin notification frequency with the admin-notification shield", () => {
    expect(issuesOf(withProtection({ breachedPasswords: { shields: ["block", "admin-notification"], adminNotificationFrequency: ["daily"] } }))).toEqual([]);
  });

  it("rejects a brute-force threshold of zero", () => {
    expect(issuesOf(withProtection({ bruteForce: { maxAttempts: 0 } }))).toEqual(["auth0kit:attackProtection.bruteForce.maxAttempts: must be at least 1"]);
  });

  it("validates IPs and CIDR prefixes per address family", () => {
    expect([isIpOrCidr("10.0.0.0/32"), isIpOrCidr("10.0.0.0/0"), isIpOrCidr("::1/128"), isIpOrCidr("::1/-1"), isIpOrCidr("")]).toEqual([true, true, true, false, false]);
  });
});
