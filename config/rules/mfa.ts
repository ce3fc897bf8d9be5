import type { ConfigIssue } from "../issues";
import { enabledFactors } from "../schema/mfa";
import type { TenantSpec } from "../spec";

const ROOT = "auth0kit:mfa";

/**
 * A policy that challenges users needs a factor to challenge them with, and every factor comes
 * with recovery codes, so that a user who loses the device is not locked out (runbook §9).
 */
export function mfaFactors(spec: TenantSpec): ConfigIssue[] {
  if (spec.mfa === undefined) return [];
  const { policy, factors } = spec.mfa;
  const on = enabledFactors(factors);
  const issues: ConfigIssue[] = [];
  if (policy !== "never" && on.length === 0) {
    issues.push({ path: `${ROOT}.factors`, message: `policy ${policy} needs at least one factor; enable e.g. otp: true and recoveryCodes: true` });
  }
  if (on.length > 0 && !factors.recoveryCodes) {
    issues.push({
      path: `${ROOT}.factors.recoveryCodes`,
      message: `must be true when any factor is enabled (${on.join(", ")}), so that users who lose their device can still sign in; set recoveryCodes: true`,
    });
  }
  if (factors.webauthnPlatform && on.length === 1) {
    issues.push({
      path: `${ROOT}.factors.webauthnPlatform`,
      message: "cannot be the only factor: Auth0 has users enroll another factor before device biometrics; enable e.g. otp or webauthnRoaming as well",
    });
  }
  issues.push(...phoneProvider(factors));
  return issues;
}

/** Phone codes need the tenant's phone provider, and Twilio needs exactly one sender. */
function phoneProvider(factors: NonNullable<TenantSpec["mfa"]>["factors"]): ConfigIssue[] {
  const phone = factors.phone;
  if (phone === undefined) return [];
  const path = `${ROOT}.factors.phone`;
  if (phone.provider === undefined) {
    return [
      {
        path,
        message:
          "phone codes are sent through the tenant's phone provider (Auth0's Unified Phone Experience); set provider: { twilio: { sid: …, authToken: { secret: twilioAuthToken }, from: +15551234567 } }, or turn the factor off",
      },
    ];
  }
  const twilio = phone.provider.twilio;
  if ((twilio.from === undefined) === (twilio.messagingServiceSid === undefined)) {
    return [{ path: `${path}.provider.twilio`, message: "set exactly one sender: from (a phone number) or messagingServiceSid (a Twilio Messaging Service)" }];
  }
  return [];
}

