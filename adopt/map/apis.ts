/**
 * GET /resource-servers → `auth0kit:apis`, skipping the Management API (a system API). The
 * permissions are one set owned by ResourceServerScopes, so a permission the schema cannot hold
 * is reported as removed by the first `pulumi up`.
 */
import { PERMISSION_PATTERN, SIGNING_ALGS } from "../../config/schema/apis";
import { configPath } from "../../config/issues";
import { formatDuration } from "../../config/schema/common";
import type { Findings } from "../findings";
import { assignKeys } from "../keys";
import { bool, kebab, num, obj, objects, str, type Json } from "../json";

const ROOT = "auth0kit:apis";
/** The schema's defaults: a value equal to one of these is left out. */
const DEFAULTS = { tokenLifetime: 86_400, tokenLifetimeForWeb: 7_200 };

export interface AdoptedApi {
  readonly key: string;
  readonly id: string;
  readonly identifier: string;
  readonly config: Json;
}

export function adoptApis(servers: readonly Json[], findings: Findings): AdoptedApi[] {
  const own = servers.filter((server) => server.is_system !== true && str(server.identifier) !== undefined && str(server.id) !== undefined);
  const keys = assignKeys(own, (s) => str(s.name) || str(s.identifier)!, (s) => str(s.id)!, "api");
  return own.map((server) => {
    const key = keys.get(str(server.id)!)!;
    return { key, id: str(server.id)!, identifier: str(server.identifier)!, config: apiConfig(server, key, findings) };
  });
}

export function apiConfig(server: Json, key: string, findings: Findings): Json {
  const at = (...segments: string[]) => configPath(ROOT, key, ...segments);
  const config: Json = {};
  const name = str(server.name);
  if (name !== undefined && name !== key) config.name = name;
  config.identifier = str(server.identifier);
  const alg = str(server.signing_alg) ?? "RS256";
  if ((SIGNING_ALGS as readonly string[]).includes(alg)) {
    if (alg !== "RS256") config.signingAlg = alg;
  } else {
    findings.change(at("signingAlg"), `Auth0 signs with ${alg}; the schema takes ${SIGNING_ALGS.join(", ")}, so the first up sets RS256`);
  }
  if (server.enforce_policies !== true) config.rbac = false;
  const dialect = str(server.token_dialect) ?? "access_token";
  if (dialect === "access_token") config.permissionsInToken = false;
  else if (dialect !== "access_token_authz") {
    const into = dialect.endsWith("_authz") ? "access_token_authz" : "access_token";
    findings.change(at("permissionsInToken"), `token dialect ${dialect} (RFC 9068) cannot be written; the first up sets ${into}`);
    if (into === "access_token") config.permissionsInToken = false;
  }
  const lifetime = num(server.token_lifetime);
  if (lifetime !== undefined && lifetime !== DEFAULTS.tokenLifetime) config.tokenLifetime = formatDuration(lifetime);
  const web = num(server.token_lifetime_for_web);
  if (web !== undefined && web !== DEFAULTS.tokenLifetimeForWeb) config.tokenLifetimeForWeb = formatDuration(web);
  if (server.allow_offline_access === true) config.allowOfflineAccess = true;
  if (bool(server.skip_consent_for_verifiable_first_party_clients) === false) config.skipConsentForFirstParty = false;
  const policies = obj(server.subject_type_authorization);
  const userPolicy = str(obj(policies?.user)?.policy);
  if (userPolicy !== undefined && userPolicy !== "allow_all") config.userAccess = kebab(userPolicy);
  const clientPolicy = str(obj(policies?.client)?.policy);
  if (clientPolicy !== undefined && clientPolicy !== "require_client_grant") config.clientAccess = kebab(clientPolicy);
  const pop = obj(server.proof_of_possession);
  if (pop !== undefined && str(pop.mechanism) !== undefined) config.proofOfPossession = { mechanism: str(pop.mechanism), ...(pop.required === true && { required: true }) };
  const permissions: Json = {};
  for (const scope of objects(server.scopes)) {
    const value = str(scope.value) ?? "";
    const description = str(scope.description);
    if (!PERMISSION_PATTERN.test(value) || Object.keys(permissions).some((p) => p.toLowerCase() === value.toLowerCase())) {
      findings.change(at("permissions"), `permission "${value}" cannot be written (permissions are verb:resource, unique ignoring case); the first up removes it from the API`);
      continue;
    }
    if (description === undefined || description === "") {
      findings.change(at("permissions", value), "Auth0 has no description; the schema needs one, so it is set to the permission's name — write a real one");
    }
    permissions[value] = description || value;
  }
  if (Object.keys(permissions).length > 0) config.permissions = permissions;
  return config;
}
