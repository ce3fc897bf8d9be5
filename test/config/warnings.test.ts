import { describe, expect, it } from "vitest";
import { formatIssue } from "../../config/issues";
import { checkWarnings } from "../../config/warnings";
import { configWith, issuesOf, SMS_FACTOR, specOf, TWILIO_SECRET } from "./fixtures";

const MFA_WITH_SMS = { policy: "confidence-score", factors: { otp: true, phone: SMS_FACTOR, recoveryCodes: true } };
const warningsOf = (config: Record<string, unknown>) =>
  checkWarnings(specOf({ ...config, [TWILIO_SECRET]: "twilio-token" }, { secretKeys: [TWILIO_SECRET] })).map(formatIssue);

describe("warnings", () => {
  it("warns about SMS in a stack whose applications use organizations, naming them", () => {
    const config = configWith({
      "auth0kit:mfa": MFA_WITH_SMS,
      "auth0kit:applications": { native: { organizations: { usage: "allow" } } },
    });
    expect(warningsOf(config)).toEqual([
      "auth0kit:mfa.factors.phone: SMS codes are discouraged for business users (phishing, SIM swap) and this stack has organization logins (applications native); require otp of organization logins (ORGANIZATION_MFA: { value: otp } on the post-login Action) and keep phone as a consumer fallback",
    ]);
  });

  it("says nothing about SMS when the post-login Action requires OTP of organization logins", () => {
    const config = configWith({
      "auth0kit:mfa": MFA_WITH_SMS,
      "auth0kit:applications": { native: { organizations: { usage: "allow" } } },
      "auth0kit:actions": { login: { source: "actions/post-login.js", trigger: "post-login", order: 1, secrets: { ORGANIZATION_MFA: { value: "otp" } } } },
    });
    expect(warningsOf(config)).toEqual([]);
  });

  it("warns about a token-exchange profile without audiences, whose tokens live whatever API they are for", () => {
    const action = (profile: Record<string, unknown>) =>
      configWith({
        "auth0kit:applications": { broker: { type: "m2m", grantTypes: ["client_credentials", "urn:ietf:params:oauth:grant-type:token-exchange"], tokenExchangeProfileTypes: ["custom_authentication"] } },
        "auth0kit:connections": { users: { kind: "database", applications: ["spa", "broker"] } },
        "auth0kit:actions": { delegate: { source: "actions/agent-delegation.js", trigger: "custom-token-exchange", tokenExchangeProfile: { subjectTokenType: "urn:example:delegation", ...profile } } },
      });
    const warnings = (config: Record<string, unknown>) => checkWarnings(specOf(config)).map(formatIssue);
    expect(warnings(action({}))).toEqual([
      "auth0kit:actions.delegate.tokenExchangeProfile: its tokens are for whichever API the caller names and live that API's tokenLifetime (Auth0 has no lifetime per exchange); list short-lived APIs set aside for it in audiences",
    ]);
    expect(warnings(action({ audiences: ["core"] }))).toEqual([]);
  });

  it("names voice as well when phone codes go by voice too", () => {
    const config = configWith({
      "auth0kit:mfa": { ...MFA_WITH_SMS, factors: { ...MFA_WITH_SMS.factors, phone: { ...SMS_FACTOR, messageTypes: ["sms", "voice"] } } },
      "auth0kit:applications": { spa: { organizations: { usage: "require" } } },
    });
    expect(warningsOf(config)[0]).toMatch(/^auth0kit:mfa\.factors\.phone: SMS and voice codes are discouraged .*\(applications spa\)/);
  });

  it("allows SMS without a warning when no application uses organizations", () => {
    expect(warningsOf(configWith({ "auth0kit:mfa": MFA_WITH_SMS }))).toEqual([]);
  });

  it("keeps a warning from being an error", () => {
    const config = configWith({
      "auth0kit:mfa": MFA_WITH_SMS,
      "auth0kit:applications": { native: { organizations: { usage: "allow" } } },
      [TWILIO_SECRET]: "twilio-token",
    });
    expect(issuesOf(config, { secretKeys: [TWILIO_SECRET] })).toEqual([]);
  });
});
