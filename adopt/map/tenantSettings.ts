/**
 * GET /tenants/settings and /custom-domains → `auth0kit:tenant`. Session lifetimes are always
 * written: tenants differ in what they started with, so "Auth0's default" says nothing certain.
 */
import { absoluteUrl } from "../../config/schema/common";
import { HOSTNAME_PATTERN } from "../../config/schema/customDomain";
import type { Findings } from "../findings";
import { bool, num, obj, str, strings, type Json } from "../json";

const ROOT = "auth0kit:tenant";

export interface TenantAdoption {
  readonly tenant: Json;
  /** The adopted custom domain's ID, for the import file. */
  readonly customDomainId?: string;
}

export function adoptTenantSettings(settings: Json, customDomains: readonly Json[], findings: Findings): TenantAdoption {
  const tenant: Json = {};
  const text = (field: string) => {
    const value = str(settings[field]);
    return value === undefined || value === "" ? undefined : value;
  };
  if (text("friendly_name") !== undefined) tenant.friendlyName = text("friendly_name");
  if (text("support_email") !== undefined) tenant.supportEmail = text("support_email");
  const supportUrl = text("support_url");
  if (supportUrl !== undefined) {
    if (absoluteUrl.safeParse(supportUrl).success) tenant.supportUrl = supportUrl;
    else findings.change(`${ROOT}.supportUrl`, `"${supportUrl}" is not an absolute URL; the first up clears it`);
  }
  const session = lifetime(num(settings.session_lifetime), `${ROOT}.sessionLifetime`, findings);
  if (session !== undefined) tenant.sessionLifetime = session;
  const idle = lifetime(num(settings.idle_session_lifetime), `${ROOT}.idleSessionLifetime`, findings);
  if (idle !== undefined) tenant.idleSessionLifetime = idle;
  const locales = strings(settings.enabled_locales);
  if (locales.length > 0 && !(locales.length === 1 && locales[0] === "en")) tenant.enabledLocales = locales;
  if (text("default_audience") !== undefined) tenant.defaultAudience = text("default_audience");
  if (bool(obj(settings.flags)?.enable_client_connections) === true) tenant.enableClientConnections = true;
  findings.note(`${ROOT}.planTier`, "the Management API does not tell the tenant's subscription; set planTier for the rate-limit budget (README)");
  const domain = adoptCustomDomain(customDomains, findings);
  if (domain !== undefined) tenant.customDomain = domain.config;
  return { tenant, ...(domain && { customDomainId: domain.id }) };
}

/** Whole hours as `168h`; a fractional value cannot be written and is rounded by the first up. */
function lifetime(hours: number | undefined, path: string, findings: Findings): string | undefined {
  if (hours === undefined) return undefined;
  if (Number.isInteger(hours) && hours > 0) return `${hours}h`;
  const rounded = Math.max(1, Math.round(hours));
  findings.change(path, `Auth0 has ${hours} hours; the stack file takes whole hours, so the first up sets ${rounded}h`);
  return `${rounded}h`;
}

function adoptCustomDomain(domains: readonly Json[], findings: Findings): { config: Json; id: string } | undefined {
  const path = `${ROOT}.customDomain`;
  // The primary domain first, then by name: the one auth0kit manages is stable across reads.
  const sorted = [...domains].sort((a, b) => Number(b.primary === true) - Number(a.primary === true) || String(a.domain).localeCompare(String(b.domain)));
  let adopted: { config: Json; id: string } | undefined;
  for (const domain of sorted) {
    const name = str(domain.domain) ?? "";
    const id = str(domain.custom_domain_id);
    if (adopted !== undefined) {
      findings.unmanage(path, `custom domain ${name} (${id}) stays unmanaged: a stack manages one custom domain`);
    } else if (domain.type !== "auth0_managed_certs") {
      findings.unmanage(path, `custom domain ${name} (${id}) uses ${String(domain.type)}; auth0kit manages only Auth0-managed certificates, so it stays unmanaged`);
    } else if (!HOSTNAME_PATTERN.test(name) || id === undefined) {
      findings.unmanage(path, `custom domain "${name}" is not a host name the schema accepts; it stays unmanaged`);
    } else {
      adopted = { config: { domain: name }, id };
      findings.note(
        `${path}.useForIssuer`,
        `not stored in Auth0 (it decides the issuer in env files and Action secrets); left false — set it to true if your tokens are issued on ${name}${domain.status === "ready" ? " (Auth0 shows it ready)" : ""}`,
      );
    }
  }
  return adopted;
}
