/**
 * GET /clients and /client-grants → `auth0kit:applications`. Client secrets are never read into
 * the file: a confidential client's secret is imported with its ClientCredentials resource and
 * becomes a secret stack output.
 */
import { DEFAULT_GRANT_TYPES } from "../../config/defaults";
import { configPath } from "../../config/issues";
import { GRANT_TYPES, type ApplicationType } from "../../config/schema/applications";
import { formatDuration } from "../../config/schema/common";
import type { Findings } from "../findings";
import { assignKeys, slug } from "../keys";
import { kebab, lookup, num, obj, sameSet, str, strings, type Json } from "../json";
import type { AdoptedApi } from "./apis";

const ROOT = "auth0kit:applications";
const APP_TYPES: Readonly<Record<string, ApplicationType>> = { spa: "spa", native: "native", non_interactive: "m2m", regular_web: "regular_web" };
/** Auth0's ID-token lifetime when unset (10h). */
const AUTH0_ID_TOKEN_LIFETIME = 36_000;
/** What the Pulumi provider writes when a client has no description. */
const PROVIDER_DESCRIPTION = "Managed by Pulumi";
/** Client features the schema has no field for; such a client stays unmanaged. */
const UNEXPRESSIBLE: readonly [string, (client: Json) => boolean][] = [
  ["SAML/WS-Fed add-ons", (c) => Object.keys(obj(c.addons) ?? {}).length > 0],
  ["private-key JWT or mTLS authentication", (c) => obj(c.client_authentication_methods) !== undefined && c.token_endpoint_auth_method === undefined],
];

export interface AdoptedApplication {
  readonly key: string;
  readonly clientId: string;
  readonly config: Json;
  /** Grant IDs by audience. */
  readonly grantIds: Readonly<Record<string, string>>;
}

export function adoptApplications(
  clients: readonly Json[],
  grants: readonly Json[],
  apis: readonly AdoptedApi[],
  context: { readonly managementAudience: string; readonly readerClientId: string },
  findings: Findings,
): AdoptedApplication[] {
  const adoptable = clients.filter((client) => {
    const id = str(client.client_id) ?? "";
    const name = str(client.name) ?? id;
    const type = str(client.app_type);
    if (client.global === true) return false;
    const where = configPath(ROOT, slug(name, "app"));
    if (id === context.readerClientId) {
      findings.unmanage(where, `client "${name}" (${id}) is the one the adopter read the tenant as: auth0kit does not manage the credentials it deploys with, so it stays unmanaged`);
      return false;
    }
    if (lookup(APP_TYPES, type) === undefined) {
      findings.unmanage(where, `client "${name}" (${id}) has application type ${type ?? "none"}; the schema has spa, native, m2m and regular_web, so it stays unmanaged`);
      return false;
    }
    const feature = UNEXPRESSIBLE.find(([, test]) => test(client));
    if (feature !== undefined) {
      findings.unmanage(where, `client "${name}" (${id}) uses ${feature[0]}, which the schema cannot express, so it stays unmanaged`);
      return false;
    }
    return true;
  });
  const keys = assignKeys(adoptable, (c) => str(c.name) || str(c.client_id)!, (c) => str(c.client_id)!, "app");
  return adoptable.map((client) => {
    const clientId = str(client.client_id)!;
    const key = keys.get(clientId)!;
    const own = grants.filter((grant) => grant.client_id === clientId);
    return { key, clientId, ...applicationConfig(client, key, own, apis, context.managementAudience, findings) };
  });
}

export function applicationConfig(
  client: Json,
  key: string,
  grants: readonly Json[],
  apis: readonly AdoptedApi[],
  managementAudience: string,
  findings: Findings,
): { config: Json; grantIds: Record<string, string> } {
  const at = (...segments: (string | number)[]) => configPath(ROOT, key, ...segments);
  const type = APP_TYPES[str(client.app_type)!]!;
  const config: Json = {};
  const name = str(client.name);
  if (name !== undefined && name !== key) config.name = name;
  config.type = type;
  const description = str(client.description) ?? "";
  // Written even when empty: without it the provider would set its own "Managed by Pulumi".
  if (description !== PROVIDER_DESCRIPTION) config.description = description.length > 140 ? truncated(description, at("description"), findings) : description;
  const urls: [string, string][] = [["callbacks", "callbacks"], ["allowed_logout_urls", "logoutUrls"], ["web_origins", "webOrigins"], ["allowed_origins", "allowedOrigins"]];
  for (const [field, into] of urls) {
    const values = strings(client[field]);
    if (values.length > 0) config[into] = values;
  }
  const grantTypes = strings(client.grant_types);
  if (!sameSet(grantTypes, DEFAULT_GRANT_TYPES[type])) config.grantTypes = grantTypes;
  const jwt = obj(client.jwt_configuration);
  if (type !== "m2m") {
    const lifetime = num(jwt?.lifetime_in_seconds);
    if (lifetime !== undefined && lifetime !== AUTH0_ID_TOKEN_LIFETIME) config.idTokenLifetime = formatDuration(lifetime);
    const alg = str(jwt?.alg);
    if (alg !== undefined && alg !== "RS256") findings.change(at("idTokenLifetime"), `ID tokens are signed with ${alg}; auth0kit signs them with RS256, which the first up sets`);
    const refresh = refreshToken(obj(client.refresh_token));
    if (refresh !== undefined) config.refreshToken = refresh;
    const usage = str(client.organization_usage);
    if (usage !== undefined && usage !== "deny") {
      const behavior = str(client.organization_require_behavior);
      config.organizations = { usage, ...(usage === "require" && behavior !== undefined && behavior !== "no_prompt" && { requireBehavior: kebab(behavior) }) };
    }
  }
  const profileTypes = strings(obj(client.token_exchange)?.allow_any_profile_of_type);
  if (profileTypes.length > 0) config.tokenExchangeProfileTypes = profileTypes;
  if (client.is_first_party === false) config.firstParty = false;
  if (grantTypes.includes(GRANT_TYPES.clientCredentials) && client.token_endpoint_auth_method !== "client_secret_post") {
    findings.change(at(), `authenticates with ${str(client.token_endpoint_auth_method) ?? "no secret"}; auth0kit's confidential clients use client_secret_post, which the first up sets`);
  }
  const { grantsConfig, managementApiScopes, grantIds } = adoptGrants(grants, type, apis, managementAudience, at, findings);
  if (Object.keys(grantsConfig).length > 0) config.grants = grantsConfig;
  if (managementApiScopes.length > 0) config.managementApiScopes = managementApiScopes;
  return { config, grantIds };
}

/**
 * Auth0 models "no absolute lifetime" as a non-expiring token; a policy is written only where it
 * differs from what Auth0 gives a new client (non-rotating, non-expiring, no idle limit).
 */
function refreshToken(policy: Json | undefined): Json | undefined {
  if (policy === undefined) return undefined;
  const rotation = policy.rotation_type === "rotating";
  const expiring = policy.expiration_type === "expiring" && policy.infinite_token_lifetime !== true;
  const idle = policy.infinite_idle_token_lifetime === false ? num(policy.idle_token_lifetime) : undefined;
  const leeway = num(policy.leeway) ?? 0;
  if (!rotation && !expiring && idle === undefined && leeway === 0) return undefined;
  const absolute = expiring ? num(policy.token_lifetime) : undefined;
  return {
    rotation,
    ...(absolute !== undefined && { absoluteLifetime: formatDuration(absolute) }),
    ...(idle !== undefined && { idleLifetime: formatDuration(idle) }),
    ...(leeway !== 0 && { leeway }),
  };
}

function adoptGrants(
  grants: readonly Json[],
  type: ApplicationType,
  apis: readonly AdoptedApi[],
  managementAudience: string,
  at: (...segments: (string | number)[]) => string,
  findings: Findings,
): { grantsConfig: Json; managementApiScopes: string[]; grantIds: Record<string, string> } {
  const grantsConfig: Json = {};
  const grantIds: Record<string, string> = {};
  let managementApiScopes: string[] = [];
  const defaultSubject = type === "m2m" ? "client" : "user";
  for (const grant of [...grants].sort((a, b) => String(a.id).localeCompare(String(b.id)))) {
    const audience = str(grant.audience) ?? "";
    const id = str(grant.id)!;
    // Grants made before subject types existed are client-credentials grants.
    const subject = str(grant.subject_type) ?? "client";
    const scopes = strings(grant.scope);
    if (audience === managementAudience) {
      if (subject !== "client" || grantIds[audience] !== undefined) {
        findings.unmanage(at("managementApiScopes"), `the ${subject} grant ${id} to the Management API stays unmanaged: a stack holds one client grant to it`);
        continue;
      }
      managementApiScopes = scopes;
      grantIds[audience] = id;
      continue;
    }
    const api = apis.find((candidate) => candidate.identifier === audience);
    if (api === undefined) {
      findings.unmanage(at("grants"), `grant ${id} to ${audience} stays unmanaged: that API is not adopted`);
      continue;
    }
    if (grantIds[audience] !== undefined) {
      findings.unmanage(at("grants", api.key), `the ${subject} grant ${id} stays unmanaged: a stack holds one grant per application and API`);
      continue;
    }
    grantIds[audience] = id;
    grantsConfig[api.key] = { permissions: scopes, ...(subject !== defaultSubject && { subjectType: subject }) };
  }
  return { grantsConfig, managementApiScopes, grantIds };
}

function truncated(description: string, path: string, findings: Findings): string {
  findings.change(path, "Auth0 has a description longer than the 140 characters the schema takes; the first up shortens it");
  return description.slice(0, 140);
}
