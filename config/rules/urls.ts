import { type ConfigIssue, configPath } from "../issues";
import { parseUrl } from "../schema/common";
import { isProductionLike, type TenantSpec } from "../spec";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

interface LocatedUrl {
  readonly path: string;
  readonly url: string;
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
      app[field].forEach((url, index) => urls.push({ path: configPath("auth0kit:applications", app.key, field, index), url }));
    }
  }
  return urls;
}

/**
 * In stage and prod every URL is https, names a real host (no localhost or loopback address) and
 * has no wildcard: a wildcard callback lets any subdomain receive tokens.
 */
export function productionUrls(spec: TenantSpec): ConfigIssue[] {
  if (!isProductionLike(spec.environment)) return [];
  const issues: ConfigIssue[] = [];
  for (const { path, url } of collectUrls(spec)) {
    const parsed = parseUrl(url);
    if (parsed === undefined) continue;
    const fix = `use https with the real host or move it to the dev stack`;
    if (parsed.protocol === "http:") {
      issues.push({ path, message: `${url} is not allowed in ${spec.environment}; ${fix}` });
    } else if (LOOPBACK_HOSTS.has(parsed.hostname)) {
      issues.push({ path, message: `${url} points at this machine, which is not allowed in ${spec.environment}; ${fix}` });
    }
    if (url.includes("*")) {
      issues.push({ path, message: `${url} has a wildcard, which is not allowed in ${spec.environment}; list each URL explicitly` });
    }
  }
  return issues;
}
