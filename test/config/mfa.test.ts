import { describe, expect, it } from "vitest";
import { configWith, issuesOf, SMS_FACTOR, specOf, TWILIO, TWILIO_SECRET } from "./fixtures";

const RUNBOOK_FACTORS = { otp: true, webauthnRoaming: true, webauthnPlatform: true, push: true, phone: SMS_FACTOR, email: true, recoveryCodes: true };
const withMfa = (mfa: unknown, environment = "dev") => configWith({ "auth0kit:environment": environment, "auth0kit:mfa": mfa });
/** The stack sets the Twilio auth token the phone factor references, as a secret. */
const withTwilioToken = (config: Record<string, unknown>) => [{ ...config, [TWILIO_SECRET]: "twilio-token" }, { secretKeys: [TWILIO_SECRET] }] as const;

describe("MFA", () => {
  it("leaves MFA unmanaged when auth0kit:mfa is absent", () => {
    expect(specOf(configWith()).mfa).toBeUndefined();
  });

  it("defaults to policy never with every factor off", () => {
    expect(specOf(withMfa({})).mfa).toEqual({
      policy: "never",
      factors: { otp: false, webauthnPlatform: false, push: false, email: false, recoveryCodes: false },
    });
  });

  it("reads the runbook's adaptive policy and factors, phone by SMS through the tenant's Twilio provider", () => {
    const mfa = specOf(...withTwilioToken(withMfa({ policy: "confidence-score", factors: RUNBOOK_FACTORS }, "prod"))).mfa;
    expect(mfa).toEqual({
      policy: "confidence-score",
      factors: {
        otp: true,
        webauthnRoaming: {},
        webauthnPlatform: true,
        push: true,
        phone: { messageTypes: ["sms"], provider: { twilio: TWILIO } },
        email: true,
        recoveryCodes: true,
      },
    });
  });

  it("asks for the tenant's phone provider when phone codes are on without one", () => {
    expect(issuesOf(withMfa({ policy: "all-applications", factors: { phone: true, recoveryCodes: true } }))).toEqual([
      "auth0kit:mfa.factors.phone: phone codes are sent through the tenant's phone provider (Auth0's Unified Phone Experience); set provider: { twilio: { sid: …, authToken: { secret: twilioAuthToken }, from: +15551234567 } }, or turn the factor off",
    ]);
  });

  it("wants exactly one Twilio sender: a number or a messaging service", () => {
    const both = { ...TWILIO, messagingServiceSid: `MG${"a".repeat(32)}` };
    const neither = { sid: TWILIO.sid, authToken: TWILIO.authToken };
    for (const twilio of [both, neither]) {
      const factors = { phone: { provider: { twilio } }, recoveryCodes: true };
      expect(issuesOf(...withTwilioToken(withMfa({ policy: "all-applications", factors })))).toEqual([
        "auth0kit:mfa.factors.phone.provider.twilio: set exactly one sender: from (a phone number) or messagingServiceSid (a Twilio Messaging Service)",
      ]);
    }
  });

  it("refuses a Twilio SID, sender or auth token in the wrong form, never echoing the token", () => {
    const twilio = { sid: "AC123", authToken: "pasted-token", from: "555-0100" };
    const issues = issuesOf(withMfa({ policy: "all-applications", factors: { phone: { provider: { twilio } }, recoveryCodes: true } }));
    expect(issues).toEqual([
      "auth0kit:mfa.factors.phone.provider.twilio.authToken: must reference a secret config key, e.g. { secret: googleClientSecret }, never hold the value itself; store the value with: pulumi config set --secret auth0kit:<key> <value>",
      "auth0kit:mfa.factors.phone.provider.twilio.from: write the sender number in E.164 form, e.g. +15551234567",
      "auth0kit:mfa.factors.phone.provider.twilio.sid: a Twilio Account SID is AC followed by 32 hex digits",
    ]);
    expect(issues.join("\n")).not.toContain("pasted-token");
  });

  it("rejects a policy outside Auth0's three", () => {
    expect(issuesOf(withMfa({ policy: "adaptive" }))).toEqual([
      'auth0kit:mfa.policy: "adaptive" is not allowed; use one of never, all-applications, confidence-score',
    ]);
  });

  it("rejects a misspelled factor", () => {
    expect(issuesOf(withMfa({ factors: { totp: true } }))).toEqual([
      'auth0kit:mfa.factors: unknown key "totp"; did you mean "otp"?',
    ]);
  });

  it("rejects a WebAuthn user-verification value Auth0 does not know", () => {
    expect(issuesOf(withMfa({ policy: "all-applications", factors: { webauthnRoaming: { userVerification: "always" }, recoveryCodes: true } }))).toEqual([
      'auth0kit:mfa.factors.webauthnRoaming.userVerification: "always" is not allowed; use one of discouraged, preferred, required',
    ]);
  });

  it("requires a factor for a policy other than never", () => {
    expect(issuesOf(withMfa({ policy: "all-applications" }))).toEqual([
      "auth0kit:mfa.factors: policy all-applications needs at least one factor; enable e.g. otp: true and recoveryCodes: true",
    ]);
  });

  it("does not count recovery codes alone as a factor", () => {
    expect(issuesOf(withMfa({ policy: "confidence-score", factors: { recoveryCodes: true } }))).toEqual([
      "auth0kit:mfa.factors: policy confidence-score needs at least one factor; enable e.g. otp: true and recoveryCodes: true",
    ]);
  });

  it("requires recovery codes alongside any enabled factor, naming the factors", () => {
    expect(issuesOf(withMfa({ policy: "all-applications", factors: { otp: true, email: true } }))).toEqual([
      "auth0kit:mfa.factors.recoveryCodes: must be true when any factor is enabled (otp, email), so that users who lose their device can still sign in; set recoveryCodes: true",
    ]);
  });

  it("requires recovery codes even while the policy is never", () => {
    expect(issuesOf(withMfa({ factors: { otp: true } }))).toEqual([
      "auth0kit:mfa.factors.recoveryCodes: must be true when any factor is enabled (otp), so that users who lose their device can still sign in; set recoveryCodes: true",
    ]);
  });

  it("rejects device biometrics as the only factor", () => {
    expect(issuesOf(withMfa({ policy: "all-applications", factors: { webauthnPlatform: true, recoveryCodes: true } }))).toEqual([
      "auth0kit:mfa.factors.webauthnPlatform: cannot be the only factor: Auth0 has users enroll another factor before device biometrics; enable e.g. otp or webauthnRoaming as well",
    ]);
  });

  it("rejects policy never in prod", () => {
    expect(issuesOf(withMfa({ policy: "never" }, "prod"))).toEqual([
      "auth0kit:mfa.policy: never is not allowed in prod; use confidence-score (adaptive MFA) or all-applications",
    ]);
  });

  it("allows policy never in dev but not in stage", () => {
    expect(issuesOf(withMfa({ policy: "never" }))).toEqual([]);
    expect(issuesOf(withMfa({ policy: "never" }, "stage"))).toEqual([
      "auth0kit:mfa.policy: never is not allowed in stage; use confidence-score (adaptive MFA) or all-applications",
    ]);
  });

  it("reads Duo's secret key from a secret config key and refuses it in plain text", () => {
    const duo = { hostname: "api-1234.duosecurity.com", integrationKey: "DIXXXX", secretKey: { secret: "duoSecretKey" } };
    const config = { ...withMfa({ policy: "all-applications", factors: { duo, recoveryCodes: true } }), "auth0kit:duoSecretKey": "s" };
    expect(specOf(config, { secretKeys: ["auth0kit:duoSecretKey"] }).mfa?.factors.duo).toEqual(duo);
    expect(issuesOf(config)).toEqual([
      "auth0kit:duoSecretKey: is stored in plain text; remove it from the stack file and set it with: pulumi config set --secret auth0kit:duoSecretKey <value>",
    ]);
  });
});
