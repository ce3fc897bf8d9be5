import { describe, expect, it } from "vitest";
import { configWith, issuesOf } from "./fixtures";

const MFA = { policy: "confidence-score", factors: { otp: true, recoveryCodes: true } };
const postLogin = (value: unknown, trigger = "post-login") => ({
  "auth0kit:actions": { login: { source: "actions/post-login.js", trigger, order: 1, secrets: { ORGANIZATION_MFA: value } } },
});

describe("ORGANIZATION_MFA (MFA per audience)", () => {
  it.each(["otp", "any", "off"])("accepts %s on the post-login Action", (mode) => {
    expect(issuesOf(configWith({ "auth0kit:mfa": MFA, ...postLogin({ value: mode }) }))).toEqual([]);
  });

  it("refuses a mode the Action does not know", () => {
    expect(issuesOf(configWith({ "auth0kit:mfa": MFA, ...postLogin({ value: "sms" }) }))).toEqual([
      "auth0kit:actions.login.secrets.ORGANIZATION_MFA: write it as { value: <mode> } with one of off, any, otp",
    ]);
  });

  it("refuses otp while the OTP factor is off, since members could not enroll", () => {
    expect(issuesOf(configWith({ "auth0kit:mfa": { ...MFA, factors: { email: true, recoveryCodes: true } }, ...postLogin({ value: "otp" }) }))).toEqual([
      "auth0kit:actions.login.secrets.ORGANIZATION_MFA: otp needs the OTP factor so that members can enroll; set auth0kit:mfa.factors.otp: true",
    ]);
    expect(issuesOf(configWith(postLogin({ value: "otp" })))).toEqual([
      "auth0kit:actions.login.secrets.ORGANIZATION_MFA: otp needs the OTP factor so that members can enroll; set auth0kit:mfa.factors.otp: true",
    ]);
  });

  it("refuses it on an Action of another trigger", () => {
    const config = configWith({
      "auth0kit:mfa": MFA,
      "auth0kit:actions": { register: { source: "actions/pre-user-registration.js", trigger: "pre-user-registration", order: 1, secrets: { ORGANIZATION_MFA: { value: "otp" } } } },
    });
    expect(issuesOf(config)).toEqual(["auth0kit:actions.register.secrets.ORGANIZATION_MFA: only a post-login Action can require MFA; move it to the post-login Action"]);
  });
});
