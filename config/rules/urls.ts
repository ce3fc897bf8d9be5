import { type ConfigIssue, configPath } from "../issues";
import { parseUrl } from "../schema/common";
import { isProductionLike, type TenantSpec } from "../spec";

interface LocatedUrl {
  readonly path: string;
  readonly url: string;
  /** Native apps may call back to a private-use scheme such as `com.example.app:/callback` (RFC 8252 §7.1). */
  readonly nativeRedirect?: boolean;
}

/** localhost and its subdomains, any 127.0.0.0/8 address, ::1 and 0.0.0.0. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(host) || host === "[::1]" || host === "0.0.0.0";
}

/** A reverse-domain private-use scheme: it contains a dot, as RFC 8252 asks. */
function isPrivateUseScheme(protocol: string): boolean {
  return /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/i.test(protocol);
}

/** Every URL of the spec with its config path, in config order. */
export function collectUrls(spec: TenantSpec): LocatedUrl[] {
  const urls: LocatedUrl[] = [];
  if (spec.tenant.supportUrl !== undefined) urls.push({ path: "auth0kit:tenant.supportUrl", url: spec.tenant.supportUrl });
  for (const api of Object.values(spec.apis)) {
    urls.push({ path: configPath("auth0kit:apis", api.key, "identifier"), url: api.identifier });
  }
  for (const app of Object.values(spec.applications)) {
    for (const field of ["callbacks", "logoutUrls", "webOrigins", "allowedOrigins"] as const) {
      const nativeRedirect = app.type === "native" && (field === "callbacks" || field === "logoutUrls");
      app[field].forEach((url, index) => urls.push({ path: configPath("auth0kit:applications", app.key, field, index), url, nativeRedirect }));
    }
  }
  for (const template of Object.values(spec.email?.templates ?? {})) {
    if (template.resultUrl !== undefined) urls.push({ path: configPath("auth0kit:email.templates", template.name, "resultUrl"), url: template.resultUrl });
  }
  for (const connection of Object.values(spec.connections)) {
    if (connection.kind !== "enterprise") continue;
    for (const field of ["signInUrl", "signOutUrl", "issuer", "discoveryUrl", "metadataUrl", "serverUrl"] as const) {
      const url = connection[field];
      if (url !== undefined) urls.push({ path: configPath("auth0kit:connections", connection.key, field), url });
    }
  }
  return urls;
}

/**
 * In stage and prod every URL is https (a native app's redirect may instead use its private-use
 * scheme), names a real host (no localhost or loopback address) and has no wildcard: a wildcard
 * callback lets any subdomain receive tokens.
 */
export function productionUrls(spec: TenantSpec): ConfigIssue[] {
  if (!isProductionLike(spec.environment)) return [];
  const issues: ConfigIssue[] = [];
  for (const { path, url, nativeRedirect } of collectUrls(spec)) {
    const parsed = parseUrl(url);
    if (parsed === undefined) continue;
    const fix = `use https with the real host or move it to the dev stack`;
    const schemeAllowed = parsed.protocol === "https:" || (nativeRedirect === true && isPrivateUseScheme(parsed.protocol));
    if (!schemeAllowed) {
      issues.push({ path, message: `${url} is not allowed in ${spec.environment}; ${fix}` });
    } else if (isLoopbackHost(parsed.hostname)) {
      issues.push({ path, message: `${url} points at this machine, which is not allowed in ${spec.environment}; ${fix}` });
    }
    if (url.includes("*")) {
      issues.push({ path, message: `${url} has a wildcard, which is not allowed in ${spec.environment}; list each URL explicitly` });
    }
  }
  return issues;
}
