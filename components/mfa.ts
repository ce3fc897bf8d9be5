import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { MfaConfig } from "../config/schema/mfa";
import type { SecretValues } from "./secrets";
import { sortedUnique } from "./sorted";

export interface MfaArgs {
  /** The validated `auth0kit:mfa` settings. */
  readonly mfa: MfaConfig;
  /** Secret config values; Duo's secret key is among them (validated). */
  readonly secrets: SecretValues;
}

/**
 * The tenant's multi-factor authentication: Guardian policy and factors. A factor block is only
 * sent when the factor is on; the provider disables every factor whose block is absent.
 */
export class Mfa extends pulumi.ComponentResource {
  readonly guardian: auth0.Guardian;

  constructor(name: string, args: MfaArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:mfa:Mfa", name, {}, opts);
    const { policy, factors } = args.mfa;
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
        phone: factors.phone && { enabled: true, provider: factors.phone.provider, messageTypes: sortedUnique(factors.phone.messageTypes) },
        duo: factors.duo && {
          enabled: true,
          hostname: factors.duo.hostname,
          integrationKey: factors.duo.integrationKey,
          secretKey: pulumi.secret(args.secrets[factors.duo.secretKey.secret]!),
        },
      },
      { parent: this },
    );
    this.registerOutputs({});
  }
}
