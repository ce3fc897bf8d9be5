/**
 * Guardian's policy and factors, and the tenant's phone provider → `auth0kit:mfa`. Written only when
 * MFA is in use: a tenant with no policy and no factor leaves `auth0kit:mfa` unset, which keeps
 * Auth0's settings as they are.
 */
import type { Findings } from "../findings";
import { obj, str, type Json } from "../json";
import type { GuardianSnapshot } from "../tenant";

const ROOT = "auth0kit:mfa";

export interface MfaAdoption {
  readonly mfa?: Json;
  /** The phone provider's ID, when the phone factor is adopted with it. */
  readonly phoneProviderId?: string;
}

export function adoptMfa(guardian: GuardianSnapshot, findings: Findings): MfaAdoption {
  const on = (factor: string) => guardian.factors[factor] === true;
  const policy = guardian.policies.includes("confidence-score") ? "confidence-score" : guardian.policies.includes("all-applications") ? "all-applications" : "never";
  const factors: Json = {};
  if (on("otp")) factors.otp = true;
  if (on("webauthn-roaming")) {
    const verification = str(guardian.webauthnRoaming.userVerification);
    factors.webauthnRoaming = verification === undefined ? true : { userVerification: verification };
  }
  if (on("webauthn-platform")) factors.webauthnPlatform = true;
  if (on("push-notification")) factors.push = true;
  if (on("email")) factors.email = true;
  if (on("recovery-code")) factors.recoveryCodes = true;
  if (on("duo")) {
    factors.duo = {
      hostname: str(guardian.duo.host),
      integrationKey: str(guardian.duo.ikey),
      secretKey: findings.secret(`${ROOT}.factors.duo.secretKey`, "the Duo application's secret key", "duo", "secretKey"),
    };
  }
  let phoneProviderId: string | undefined;
  if (on("sms")) {
    const twilio = guardian.phoneProviders.find((provider) => provider.name === "twilio" && provider.disabled !== true);
    if (twilio === undefined) {
      findings.change(`${ROOT}.factors.phone`, "phone codes are sent without a Twilio phone provider on the tenant (Guardian's own provider is deprecated); the schema needs one, so the first up turns the phone factor off — configure auth0kit:mfa.factors.phone.provider to keep it");
    } else {
      phoneProviderId = str(twilio.id);
      factors.phone = { ...phoneSettings(guardian.phoneMessageTypes), provider: { twilio: twilioSettings(obj(twilio.configuration) ?? {}, findings) } };
    }
  }
  if (policy === "never" && Object.keys(factors).length === 0) return {};
  return { mfa: { policy, ...(Object.keys(factors).length > 0 && { factors }) }, ...(phoneProviderId && { phoneProviderId }) };
}

function phoneSettings(messageTypes: readonly string[]): Json {
  const types = messageTypes.filter((type) => type === "sms" || type === "voice");
  return types.length === 0 || (types.length === 1 && types[0] === "sms") ? {} : { messageTypes: types };
}

/** The account SID and sender are configuration Auth0 returns in the clear; the auth token is never returned. */
function twilioSettings(configuration: Json, findings: Findings): Json {
  const sender = str(configuration.default_from);
  const service = str(configuration.mssid);
  return {
    sid: str(configuration.sid),
    authToken: findings.secret(`${ROOT}.factors.phone.provider.twilio.authToken`, "the Twilio auth token", "twilio", "authToken"),
    ...(sender && { from: sender }),
    ...(service && { messagingServiceSid: service }),
  };
}
