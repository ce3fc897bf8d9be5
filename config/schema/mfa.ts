import { z } from "zod";
import { secretRef } from "./common";
import { writtenAs } from "./writtenForms";

/** Guardian policies; Auth0 spells them exactly like this. `confidence-score` is adaptive MFA. */
export const MFA_POLICIES = ["never", "all-applications", "confidence-score"] as const;
export type MfaPolicy = (typeof MFA_POLICIES)[number];

/** A value written in the stack file, or a secret config key holding it. */
const literalOrSecret = (literal: z.ZodString) => z.union([literal, secretRef]);

/**
 * Twilio as the tenant's phone provider (auth0.PhoneProvider `twilio`): the account SID, its auth
 * token (always a secret), and the sender — a phone number or a messaging service, exactly one.
 */
export const twilioProviderSchema = z.strictObject({
  /** The Twilio Account SID (AC + 32 hex digits), or a secret config key holding it. */
  sid: literalOrSecret(z.string().regex(/^[Aa][Cc][0-9A-Fa-f]{32}$/, { message: "a Twilio Account SID is AC followed by 32 hex digits" })),
  /** The Twilio auth token, from a secret config key. */
  authToken: secretRef,
  /** The sender's phone number in E.164 form (+15551234567), or a secret config key holding it. */
  from: literalOrSecret(z.string().regex(/^\+[1-9][0-9]{6,14}$/, { message: "write the sender number in E.164 form, e.g. +15551234567" })).optional(),
  /** A Twilio Messaging Service SID (MG + 32 hex digits), or a secret config key holding it. */
  messagingServiceSid: literalOrSecret(z.string().regex(/^[Mm][Gg][0-9A-Fa-f]{32}$/, { message: "a Twilio Messaging Service SID is MG followed by 32 hex digits" })).optional(),
});
export type TwilioProvider = z.output<typeof twilioProviderSchema>;

/** A factor written as `true` (on, with defaults), `false` or absent (off), or its settings (on). */
function factor<T extends z.ZodObject>(settings: T) {
  return writtenAs(
    z.preprocess((value) => (value === true ? {} : value === false ? undefined : value), settings.optional()),
    z.union([z.boolean(), settings]),
  );
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
  /**
   * Codes by SMS (or voice), sent through the tenant's phone provider (Auth0's Unified Phone
   * Experience; the Guardian-level provider is deprecated). Defaults to off.
   */
  phone: factor(
    z.strictObject({
      /** sms and/or voice. Defaults to [sms]. */
      messageTypes: z.array(z.enum(["sms", "voice"])).min(1).default(["sms"]),
      /** The tenant's phone provider; required when the factor is on (a rule says how to set it). */
      provider: z.strictObject({ twilio: twilioProviderSchema }).optional(),
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
