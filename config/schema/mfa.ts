import { z } from "zod";
import { secretRef } from "./common";

/** Guardian policies; Auth0 spells them exactly like this. `confidence-score` is adaptive MFA. */
export const MFA_POLICIES = ["never", "all-applications", "confidence-score"] as const;
export type MfaPolicy = (typeof MFA_POLICIES)[number];

/** A factor written as `true` (on, with defaults), `false` or absent (off), or its settings (on). */
function factor<T extends z.ZodObject>(settings: T) {
  return z.preprocess((value) => (value === true ? {} : value === false ? undefined : value), settings.optional());
}

export const mfaFactorsSchema = z.strictObject({
  /** One-time passwords from an authenticator app (TOTP). Defaults to false. */
  otp: z.boolean().default(false),
  /** WebAuthn with security keys (roaming authenticators). Defaults to off. */
  webauthnRoaming: factor(
    z.strictObject({
      /** Ask for the key's PIN: discouraged, preferred or required. Defaults to Auth0's discouraged. */
      userVerification: z.enum(["discouraged", "preferred", "required"]).optional(),
    }),
  ),
  /** WebAuthn with device biometrics (platform authenticators); never the only factor. Defaults to false. */
  webauthnPlatform: z.boolean().default(false),
  /** Push notifications to the Auth0 Guardian app. Defaults to false. */
  push: z.boolean().default(false),
  /** Codes by SMS (or voice). Defaults to off. */
  phone: factor(
    z.strictObject({
      /** auth0 (Auth0's own sender) or phone-message-hook (a Send Phone Message Action). Defaults to auth0. */
      provider: z.enum(["auth0", "phone-message-hook"]).default("auth0"),
      /** sms and/or voice. Defaults to [sms]. */
      messageTypes: z.array(z.enum(["sms", "voice"])).min(1).default(["sms"]),
    }),
  ),
  /** One-time codes by email. Defaults to false. */
  email: z.boolean().default(false),
  /** Recovery codes; required whenever any other factor is on. Defaults to false. */
  recoveryCodes: z.boolean().default(false),
  /** Duo Security. Defaults to off. */
  duo: z
    .strictObject({
      /** The Duo API hostname, e.g. api-1234abcd.duosecurity.com. */
      hostname: z.string().min(1),
      /** The Duo client ID (integration key). */
      integrationKey: z.string().min(1),
      /** The Duo client secret, from a secret config key. */
      secretKey: secretRef,
    })
    .optional(),
});

export const mfaSchema = z.strictObject({
  /** never, all-applications, or confidence-score (adaptive: challenge medium/high-risk logins). Defaults to never. */
  policy: z.enum(MFA_POLICIES).default("never"),
  factors: mfaFactorsSchema.default(mfaFactorsSchema.parse({})),
});

export type MfaConfig = z.output<typeof mfaSchema>;
export type MfaFactors = MfaConfig["factors"];

/** The factors that are on, by config name, excluding recovery codes (which only back the others up). */
export function enabledFactors(factors: MfaFactors): string[] {
  const on: string[] = [];
  if (factors.otp) on.push("otp");
  if (factors.webauthnRoaming !== undefined) on.push("webauthnRoaming");
  if (factors.webauthnPlatform) on.push("webauthnPlatform");
  if (factors.push) on.push("push");
  if (factors.phone !== undefined) on.push("phone");
  if (factors.email) on.push("email");
  if (factors.duo !== undefined) on.push("duo");
  return on;
}
