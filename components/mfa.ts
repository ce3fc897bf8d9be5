import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { SecretRef } from "../config/schema/common";
import type { MfaConfig } from "../config/schema/mfa";
import type { SecretValues } from "./secrets";
import { sortedUnique } from "./sorted";

export interface MfaArgs {
  /** The validated `auth0kit:mfa` settings. */
  readonly mfa: MfaConfig;
  /** Secret config values; Duo's and Twilio's secrets are among them (validated). */
  readonly secrets: SecretValues;
  /**
   * The tenant settings resource. With phone codes on, it turns on the Unified Phone Experience,
   * which Guardian's phone factor and the phone provider need in place first. Defaults to none.
   */
  readonly tenant?: pulumi.Resource;
}

/**
 * The tenant's multi-factor authentication: Guardian policy and factors. A factor block is only
 * sent when the factor is on; the provider disables every factor whose block is absent. Phone
 * codes go through the tenant-level phone provider (the Unified Phone Experience), not through
 * Guardian's own provider settings, which the provider deprecates.
 */
export class Mfa extends pulumi.ComponentResource {
  readonly guardian: auth0.Guardian;
  readonly phoneProvider?: auth0.PhoneProvider;

  constructor(name: string, args: MfaArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:mfa:Mfa", name, {}, opts);
    const { policy, factors } = args.mfa;
    const valueOf = (value: string | SecretRef): pulumi.Input<string> => (typeof value === "string" ? value : args.secrets[value.secret]!);
    const twilio = factors.phone?.provider?.twilio;
    this.phoneProvider =
      factors.phone && twilio
        ? new auth0.PhoneProvider(
            `${name}-phone-provider`,
            {
              name: "twilio",
              disabled: false,
              configuration: {
                deliveryMethods: sortedUnique(factors.phone.messageTypes.map((type) => (type === "sms" ? "text" : "voice"))),
                sid: valueOf(twilio.sid),
                defaultFrom: twilio.from === undefined ? undefined : valueOf(twilio.from),
                mssid: twilio.messagingServiceSid === undefined ? undefined : valueOf(twilio.messagingServiceSid),
              },
              credentials: { authToken: pulumi.secret(args.secrets[twilio.authToken.secret]!) },
            },
            { parent: this, dependsOn: args.tenant ? [args.tenant] : [] },
          )
        : undefined;
    // Guardian's phone factor needs the Unified Phone Experience and its provider in place.
    const phoneFirst = this.phoneProvider ? [this.phoneProvider, ...(args.tenant ? [args.tenant] : [])] : [];
    this.guardian = new auth0.Guardian(
      `${name}-guardian`,
      {
        // The config's policy names are the provider's own.
        policy,
        otp: factors.otp,
        email: factors.email,
        recoveryCode: factors.recoveryCodes,
        webauthnRoaming: factors.webauthnRoaming && { enabled: true, userVerification: factors.webauthnRoaming.userVerification },
        webauthnPlatform: factors.webauthnPlatform ? { enabled: true } : undefined,
        push: factors.push ? { enabled: true, provider: "guardian" } : undefined,
        phone: factors.phone && { enabled: true, messageTypes: sortedUnique(factors.phone.messageTypes) },
        duo: factors.duo && {
          enabled: true,
          hostname: factors.duo.hostname,
          integrationKey: factors.duo.integrationKey,
          secretKey: pulumi.secret(args.secrets[factors.duo.secretKey.secret]!),
        },
      },
      { parent: this, dependsOn: phoneFirst },
    );
    this.registerOutputs({});
  }
}
