import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { AttackProtectionSpec } from "../config/schema/attackProtection";
import { snakeCase, sortedUnique } from "./sorted";

export interface AttackProtectionArgs {
  /** The resolved attack-protection settings; an absent protection is left as the tenant has it. */
  readonly protection: AttackProtectionSpec;
}

const snakeSorted = (values: readonly string[]) => sortedUnique(values.map(snakeCase));

/** Brute-force protection, breached-password detection and suspicious-IP throttling. */
export class AttackProtection extends pulumi.ComponentResource {
  readonly settings: auth0.AttackProtection;

  constructor(name: string, args: AttackProtectionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:attackProtection:AttackProtection", name, {}, opts);
    const { bruteForce, breachedPasswords, suspiciousIpThrottling } = args.protection;
    this.settings = new auth0.AttackProtection(
      `${name}-settings`,
      {
        bruteForceProtection: bruteForce && {
          enabled: bruteForce.enabled,
          shields: snakeSorted(bruteForce.shields),
          mode: snakeCase(bruteForce.mode),
          maxAttempts: bruteForce.maxAttempts,
          allowlists: sortedUnique(bruteForce.allowlist),
        },
        breachedPasswordDetection: breachedPasswords && {
          enabled: breachedPasswords.enabled,
          shields: snakeSorted(breachedPasswords.shields),
          adminNotificationFrequencies: breachedPasswords.adminNotificationFrequency && sortedUnique(breachedPasswords.adminNotificationFrequency),
          method: breachedPasswords.method,
          preUserRegistration: breachedPasswords.signupShields && { shields: snakeSorted(breachedPasswords.signupShields) },
        },
        suspiciousIpThrottling: suspiciousIpThrottling && {
          enabled: suspiciousIpThrottling.enabled,
          shields: snakeSorted(suspiciousIpThrottling.shields),
          allowlists: sortedUnique(suspiciousIpThrottling.allowlist),
          preLogin: suspiciousIpThrottling.preLogin,
          preUserRegistration: suspiciousIpThrottling.preUserRegistration,
        },
      },
      { parent: this },
    );
    this.registerOutputs({});
  }
}
