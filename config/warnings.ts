import type { ConfigIssue } from "./issues";
import { isProductionLike, type TenantSpec } from "./spec";

/**
 * Configuration that is valid but deserves a second look. Warnings never stop a plan or an
 * update: the plan prints them (`warning: <path>: <message>`), `pulumi preview`/`up` log them.
 */
export type WarningRule = (spec: TenantSpec) => ConfigIssue[];

/** Applications that let users sign in through an organization (B2B). */
function businessApplications(spec: TenantSpec): string[] {
  return Object.values(spec.applications)
    .filter((app) => app.organizations?.usage === "allow" || app.organizations?.usage === "require")
    .map((app) => app.key);
}

/** SMS is phishable and open to SIM swapping: a B2C fallback, discouraged for business users (runbook §9). */
export function smsInBusinessStack(spec: TenantSpec): ConfigIssue[] {
  const phone = spec.mfa?.factors.phone;
  const business = businessApplications(spec);
  if (phone === undefined || business.length === 0) return [];
  return [
    {
      path: "auth0kit:mfa.factors.phone",
      message: `${phone.messageTypes.map((type) => (type === "sms" ? "SMS" : type)).join(" and ")} codes are discouraged for business users (phishing, SIM swap) and this stack has organization logins (applications ${business.join(", ")}); steer B2B users to otp or WebAuthn and keep phone as a consumer fallback`,
    },
  ];
}

/** Without `auth0kit:mfa` the stack leaves MFA as someone set it by hand. */
export function mfaUnmanagedInProduction(spec: TenantSpec): ConfigIssue[] {
  if (!isProductionLike(spec.environment) || spec.mfa !== undefined) return [];
  return [
    {
      path: "auth0kit:mfa",
      message: `not set, so this ${spec.environment} stack leaves the tenant's MFA policy as it is; set auth0kit:mfa with a policy such as confidence-score`,
    },
  ];
}

/** Turning a protection off in stage or prod is allowed, but worth saying out loud. */
export function attackProtectionOffInProduction(spec: TenantSpec): ConfigIssue[] {
  if (!isProductionLike(spec.environment) || spec.attackProtection === undefined) return [];
  return (["bruteForce", "breachedPasswords", "suspiciousIpThrottling"] as const)
    .filter((protection) => spec.attackProtection?.[protection]?.enabled === false)
    .map((protection) => ({
      path: `auth0kit:attackProtection.${protection}.enabled`,
      message: `false turns this protection off in ${spec.environment}; remove enabled: false unless that is intended`,
    }));
}

export const WARNINGS: readonly WarningRule[] = [smsInBusinessStack, mfaUnmanagedInProduction, attackProtectionOffInProduction];

export function checkWarnings(spec: TenantSpec, rules: readonly WarningRule[] = WARNINGS): ConfigIssue[] {
  return rules.flatMap((rule) => rule(spec));
}
