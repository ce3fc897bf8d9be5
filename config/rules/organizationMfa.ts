import { type ConfigIssue, configPath } from "../issues";
import type { ActionSpec, TenantSpec } from "../spec";

/** The post-login Action secret that requires a factor of organization (B2B) logins (actions/post-login.js). */
export const ORGANIZATION_MFA = "ORGANIZATION_MFA";
const MODES = ["off", "any", "otp"] as const;

/** The mode an Action's ORGANIZATION_MFA literal sets, or undefined when it sets none. */
export function organizationMfaMode(action: ActionSpec): string | undefined {
  const source = action.secrets[ORGANIZATION_MFA];
  return source !== undefined && "value" in source ? source.value : undefined;
}

/** Whether some post-login Action requires OTP of every organization login. */
export function organizationLoginsRequireOtp(spec: TenantSpec): boolean {
  return Object.values(spec.actions).some((action) => action.trigger === "post-login" && organizationMfaMode(action) === "otp");
}

/**
 * ORGANIZATION_MFA is a literal the post-login Action understands, on a post-login Action, and
 * "otp" only with the OTP factor on (Auth0 could not enroll anyone in it otherwise).
 */
export function organizationMfaSetting(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const action of Object.values(spec.actions)) {
    const source = action.secrets[ORGANIZATION_MFA];
    if (source === undefined) continue;
    const path = configPath("auth0kit:actions", action.key, "secrets", ORGANIZATION_MFA);
    const mode = organizationMfaMode(action);
    if (action.trigger !== "post-login") {
      issues.push({ path, message: `only a post-login Action can require MFA; move it to the post-login Action` });
    } else if (mode === undefined || !(MODES as readonly string[]).includes(mode)) {
      issues.push({ path, message: `write it as { value: <mode> } with one of ${MODES.join(", ")}` });
    } else if (mode === "otp" && spec.mfa?.factors.otp !== true) {
      issues.push({ path, message: "otp needs the OTP factor so that members can enroll; set auth0kit:mfa.factors.otp: true" });
    }
  }
  return issues;
}
