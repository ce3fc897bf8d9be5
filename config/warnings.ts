import type { ConfigIssue } from "./issues";
import { discoveryPromptUnmanaged } from "./rules/login";
import { organizationLoginsRequireOtp } from "./rules/organizationMfa";
import type { TenantSpec } from "./spec";

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

/**
 * SMS is phishable and open to SIM swapping: a B2C fallback, discouraged for business users
 * (runbook §9). Silent when the post-login Action requires OTP of organization logins
 * (ORGANIZATION_MFA: otp), so that SMS never stands in for it there.
 */
export function smsInBusinessStack(spec: TenantSpec): ConfigIssue[] {
  const phone = spec.mfa?.factors.phone;
  const business = businessApplications(spec);
  if (phone === undefined || business.length === 0 || organizationLoginsRequireOtp(spec)) return [];
  return [
    {
      path: "auth0kit:mfa.factors.phone",
      message: `${phone.messageTypes.map((type) => (type === "sms" ? "SMS" : type)).join(" and ")} codes are discouraged for business users (phishing, SIM swap) and this stack has organization logins (applications ${business.join(", ")}); require otp of organization logins (ORGANIZATION_MFA: { value: otp } on the post-login Action) and keep phone as a consumer fallback`,
    },
  ];
}

/** Without RBAC an API hands out any permission a client asks for, so roles limit nothing there. */
export function rolesOnApisWithoutRbac(spec: TenantSpec): ConfigIssue[] {
  return Object.values(spec.roles).flatMap((role) =>
    Object.keys(role.permissions)
      .filter((apiKey) => spec.apis[apiKey]?.rbac === false)
      .map((apiKey) => ({
        path: `auth0kit:roles.${role.key}.permissions.${apiKey}`,
        message: `API "${apiKey}" does not enforce RBAC, so this role limits nothing in its tokens; set auth0kit:apis.${apiKey}.rbac: true or drop these permissions`,
      })),
  );
}

/**
 * A token-exchange profile without audiences issues for whichever API the caller names, with that
 * API's lifetime (24h by default): delegation deserves short-lived APIs of its own.
 */
export function delegationWithoutAudiences(spec: TenantSpec): ConfigIssue[] {
  return Object.values(spec.actions)
    .filter((action) => action.tokenExchangeProfile !== undefined && action.tokenExchangeProfile.audiences === undefined)
    .map((action) => ({
      path: `auth0kit:actions.${action.key}.tokenExchangeProfile`,
      message: "its tokens are for whichever API the caller names and live that API's tokenLifetime (Auth0 has no lifetime per exchange); list short-lived APIs set aside for it in audiences",
    }));
}

export const WARNINGS: readonly WarningRule[] = [smsInBusinessStack, rolesOnApisWithoutRbac, discoveryPromptUnmanaged, delegationWithoutAudiences];

export function checkWarnings(spec: TenantSpec, rules: readonly WarningRule[] = WARNINGS): ConfigIssue[] {
  return rules.flatMap((rule) => rule(spec));
}
