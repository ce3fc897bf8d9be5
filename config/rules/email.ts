import { type ConfigIssue, configPath } from "../issues";
import { EMAIL_PROVIDERS, LINK_TEMPLATES } from "../schema/email";
import { isProductionLike, type TenantSpec } from "../spec";

const ROOT = "auth0kit:email";

/** Auth0 customizes templates only for tenants that send through their own provider. */
export function emailTemplatesNeedProvider(spec: TenantSpec): ConfigIssue[] {
  const email = spec.email;
  if (email === undefined || email.provider !== undefined || Object.keys(email.templates).length === 0) return [];
  return [{ path: `${ROOT}.templates`, message: "Auth0 sends customized templates only through your own email provider; set auth0kit:email.provider" }];
}

/** A result URL, a link lifetime and the email-in-redirect switch only mean something for emails with a link. */
export function linkTemplateFields(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const template of Object.values(spec.email?.templates ?? {})) {
    if (LINK_TEMPLATES.includes(template.name)) continue;
    for (const field of ["resultUrl", "urlLifetime", "includeEmailInRedirect"] as const) {
      if (template[field] !== undefined) {
        issues.push({ path: configPath(ROOT, "templates", template.name, field), message: `applies only to the link emails (${LINK_TEMPLATES.join(", ")}); remove it` });
      }
    }
  }
  return issues;
}

/** A template for a flow the stack does not use would never be sent: say so instead of ignoring it. */
export function emailTemplatesInUse(spec: TenantSpec): ConfigIssue[] {
  const templates = spec.email?.templates ?? {};
  const issues: ConfigIssue[] = [];
  if (templates.mfa_oob_code !== undefined && spec.mfa?.factors.email !== true) {
    issues.push({ path: `${ROOT}.templates.mfa_oob_code`, message: "is sent only for the email MFA factor, which is off; set auth0kit:mfa.factors.email: true or remove this template" });
  }
  if (templates.user_invitation !== undefined && Object.keys(spec.organizations).length === 0) {
    issues.push({ path: `${ROOT}.templates.user_invitation`, message: "is sent only for organization invitations, and the stack has no organizations; add them or remove this template" });
  }
  return issues;
}

/**
 * Guardrail: stage and prod send through their own email provider. Auth0's built-in one is for
 * testing: a handful of emails an hour, sent from Auth0's domain, no templates.
 */
export function emailProviderConfigured(spec: TenantSpec): ConfigIssue[] {
  if (!isProductionLike(spec.environment) || spec.email?.provider !== undefined) return [];
  return [
    {
      path: spec.email === undefined ? ROOT : `${ROOT}.provider`,
      message: `required in ${spec.environment}: without it Auth0 sends verification, password-reset and invitation emails through its built-in test provider (rate-limited, for testing only); set auth0kit:email.provider (${EMAIL_PROVIDERS.join(", ")})`,
    },
  ];
}
