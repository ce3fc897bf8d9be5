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
export const twilioProviderSchema = z
  .strictObject({
    sid: literalOrSecret(z.string().regex(/^[Aa][Cc][0-9A-Fa-f]{32}$/, { message: "a Twilio Account SID is AC followed by 32 hex digits" })).describe(
      "The Twilio Account SID (AC followed by 32 hex digits), or { secret: <key> }.",
    ),
    authToken: secretRef.describe("The Twilio auth token, as { secret: <key> }."),
    from: literalOrSecret(z.string().regex(/^\+[1-9][0-9]{6,14}$/, { message: "write the sender number in E.164 form, e.g. +15551234567" }))
      .optional()
      .describe("The sender's phone number in E.164 form (+15551234567), or { secret: <key> }; exactly one of from and messagingServiceSid."),
    messagingServiceSid: literalOrSecret(
      z.string().regex(/^[Mm][Gg][0-9A-Fa-f]{32}$/, { message: "a Twilio Messaging Service SID is MG followed by 32 hex digits" }),
    )
      .optional()
      .describe("A Twilio Messaging Service SID (MG followed by 32 hex digits), or { secret: <key> }; exactly one of from and messagingServiceSid."),
  })
  .describe("Twilio as the tenant's phone provider.");
export type TwilioProvider = z.output<typeof twilioProviderSchema>;

/** A factor written as `true` (on, with defaults), `false` or absent (off), or its settings (on). */
function factor<T extends z.ZodObject>(settings: T) {
  return writtenAs(
    z.preprocess((value) => (value === true ? {} : value === false ? undefined : value), settings.optional()),
    z.union([z.boolean(), settings]),
  );
}

export const mfaFactorsSchema = z
  .strictObject({
    otp: z.boolean().default(false).describe("One-time passwords from an authenticator app (TOTP). Defaults to false."),
    webauthnRoaming: factor(
      z.strictObject({
        userVerification: z
          .enum(["discouraged", "preferred", "required"])
          .optional()
          .describe("Whether the key must verify its user (PIN or biometrics): discouraged, preferred or required. Defaults to Auth0's discouraged."),
      }),
    ).describe("Security keys (WebAuthn roaming authenticators): true, or their settings. Defaults to off."),
    webauthnPlatform: z
      .boolean()
      .default(false)
      .describe("Device biometrics (WebAuthn platform authenticators); never the only factor, since Auth0 has users enroll another first. Defaults to false."),
    push: z.boolean().default(false).describe("Push notifications to the Auth0 Guardian app. Defaults to false."),
    phone: factor(
      z.strictObject({
        messageTypes: z.array(z.enum(["sms", "voice"])).min(1).default(["sms"]).describe("How codes are sent: sms and/or voice. Defaults to [sms]."),
        provider: z
          .strictObject({ twilio: twilioProviderSchema })
          .optional()
          .describe("The tenant's phone provider; required when the factor is on."),
      }),
    ).describe(
      "Codes by SMS or voice, sent through the tenant's phone provider (Auth0's Unified Phone Experience: an auth0.PhoneProvider and the tenant's phoneConsolidatedExperience flag). A warning when an application uses organizations (B2B). Defaults to off.",
    ),
    email: z.boolean().default(false).describe("One-time codes by email. Defaults to false."),
    recoveryCodes: z.boolean().default(false).describe("Recovery codes; required whenever any other factor is on. Defaults to false."),
    duo: z
      .strictObject({
        hostname: z.string().min(1).describe("The Duo API hostname, e.g. api-1234abcd.duosecurity.com."),
        integrationKey: z.string().min(1).describe("The Duo client ID (integration key)."),
        secretKey: secretRef.describe("The Duo client secret, as { secret: <key> }."),
      })
      .optional()
      .describe("Duo Security. Defaults to off."),
  })
  .describe("The MFA factors users may enroll; a policy other than never needs one besides recovery codes.");

export const mfaSchema = z
  .strictObject({
    policy: z
      .enum(MFA_POLICIES)
      .default("never")
      .describe(
        "When Auth0 asks for a second factor: never, all-applications, or confidence-score (adaptive MFA: challenge only logins Auth0 scores low-confidence; an Auth0 add-on). never is allowed in stage and prod only with an override. Defaults to never.",
      ),
    factors: mfaFactorsSchema.default(mfaFactorsSchema.parse({})),
  })
  .describe("Multi-factor authentication (Guardian). Unset, the stack leaves MFA as the tenant has it, which stage and prod allow only with an override.");

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
