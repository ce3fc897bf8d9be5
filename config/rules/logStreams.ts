import { type ConfigIssue, configPath } from "../issues";
import { parseUrl } from "../schema/common";
import { isProductionLike, type TenantSpec } from "../spec";
import { isLoopbackHost } from "./urls";

const ROOT = "auth0kit:logStreams";

/**
 * A webhook's payload URL is https in every environment (Auth0 and the provider only deliver to
 * https), and in stage and prod it names a real host: Auth0 cannot reach this machine anyway,
 * and a loopback URL there means the stream silently delivers nothing.
 */
export function logStreamEndpoints(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const stream of Object.values(spec.logStreams)) {
    if (stream.type !== "webhook") continue;
    const path = configPath(ROOT, stream.key, "url");
    const parsed = parseUrl(stream.url);
    if (parsed === undefined) continue;
    if (parsed.protocol !== "https:") {
      issues.push({ path, message: `${stream.url} is not https; Auth0 only streams logs to https endpoints, so use the https URL of the receiver` });
    } else if (isProductionLike(spec.environment) && isLoopbackHost(parsed.hostname)) {
      issues.push({ path, message: `${stream.url} points at this machine, which is not allowed in ${spec.environment}; use the receiver's public https URL` });
    }
  }
  return issues;
}

/** A Splunk stream in stage or prod verifies the collector's certificate. */
export function splunkVerifiesCertificates(spec: TenantSpec): ConfigIssue[] {
  if (!isProductionLike(spec.environment)) return [];
  return Object.values(spec.logStreams)
    .filter((stream) => stream.type === "splunk" && !stream.secure)
    .map((stream) => ({
      path: configPath(ROOT, stream.key, "secure"),
      message: `false is not allowed in ${spec.environment}: logs would be sent to a collector whose certificate is not checked; give the collector a trusted certificate and remove secure: false`,
    }));
}
