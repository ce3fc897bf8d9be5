import type { ConfigIssue } from "../issues";
import type { TenantSpec } from "../spec";

const PATH = "auth0kit:tenant.customDomain.domain";

/** A custom domain is one you own: not the canonical tenant domain, nor any other Auth0 host. */
export function customDomainIsOwned(spec: TenantSpec): ConfigIssue[] {
  const custom = spec.tenant.customDomain;
  if (custom === undefined) return [];
  if (custom.domain === spec.domain) {
    return [{ path: PATH, message: `${custom.domain} is the canonical tenant domain (auth0:domain); use a host of your own domain, e.g. auth.example.com` }];
  }
  if (/(^|\.)auth0\.com$/.test(custom.domain)) {
    return [{ path: PATH, message: `${custom.domain} is an Auth0 host; a custom domain is a host of a domain you own, e.g. auth.example.com` }];
  }
  return [];
}
