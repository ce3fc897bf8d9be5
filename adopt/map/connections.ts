/**
 * GET /connections (and each one's enabled clients) → `auth0kit:connections`: the inverse of
 * components/connection.ts for the strategies the schema has. Connection secrets are never copied:
 * each becomes a `{ secret: <key> }` reference the user sets.
 */
import { configPath } from "../../config/issues";
import {
  CONNECTION_NAME_PATTERN,
  DEFAULT_SAML_GROUPS_ATTRIBUTE,
  ENTERPRISE_STRATEGIES,
  ORGANIZATION_REQUIRED_METADATA,
  SOCIAL_DEFAULT_SCOPES,
  SOCIAL_STRATEGIES,
  type SocialStrategy,
} from "../../config/schema/connections";
import type { Findings } from "../findings";
import { assignKeys, slug } from "../keys";
import { bool, num, obj, sameSet, str, strings, type Json } from "../json";
import { REDACTED } from "../tenant";

const ROOT = "auth0kit:connections";

export interface AdoptedConnection {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly config: Json;
}

/** Social option flags that are settings, not scopes. */
const NOT_SCOPES = new Set(["set_user_root_attributes", "non_persistent_attrs", "upstream_params", "allowed_audiences"]);

export function adoptConnections(
  connections: readonly Json[],
  enabledClients: Readonly<Record<string, readonly string[]>>,
  applicationKeys: ReadonlyMap<string, string>,
  findings: Findings,
): AdoptedConnection[] {
  const adoptable = connections.filter((connection) => {
    const name = str(connection.name) ?? "";
    const strategy = str(connection.strategy) ?? "";
    const where = configPath(ROOT, slug(name, "connection"));
    const label = `connection ${name} (${str(connection.id)}, ${strategy})`;
    const known = strategy === "auth0" || (SOCIAL_STRATEGIES as readonly string[]).includes(strategy) || (ENTERPRISE_STRATEGIES as readonly string[]).includes(strategy);
    if (!known) {
      findings.unmanage(where, `${label}: the schema has database, ${[...SOCIAL_STRATEGIES, ...ENTERPRISE_STRATEGIES].join(", ")} connections, so it stays unmanaged`);
      return false;
    }
    if (!CONNECTION_NAME_PATTERN.test(name)) {
      findings.unmanage(where, `${label}: the name is not one the schema accepts, so it stays unmanaged`);
      return false;
    }
    const options = obj(connection.options) ?? {};
    if (strategy === "auth0" && (options.enabledDatabaseCustomization === true || obj(options.customScripts) !== undefined)) {
      findings.unmanage(where, `${label} uses a custom database (scripts), which the schema cannot express, so it stays unmanaged`);
      return false;
    }
    if ((enabledClients[str(connection.id)!] ?? []).length === 0) {
      findings.unmanage(where, `${label} is enabled for no application (disabled); it stays unmanaged — add it under ${ROOT} by hand to manage it`);
      return false;
    }
    return true;
  });
  const keys = assignKeys(adoptable, (c) => str(c.name)!, (c) => str(c.id)!, "connection");
  return adoptable.map((connection) => {
    const id = str(connection.id)!;
    const key = keys.get(id)!;
    const config = connectionConfig(connection, key, findings);
    const applications: string[] = [];
    for (const clientId of enabledClients[id] ?? []) {
      const appKey = applicationKeys.get(clientId);
      if (appKey !== undefined) applications.push(appKey);
      else findings.change(configPath(ROOT, key, "applications"), `enabled for client ${clientId}, which is not adopted; ConnectionClients owns the whole set, so the first up disables the connection for it`);
    }
    config.applications = applications.sort();
    return { key, id, name: str(connection.name)!, config };
  });
}

export function connectionConfig(connection: Json, key: string, findings: Findings): Json {
  const name = str(connection.name)!;
  const strategy = str(connection.strategy)!;
  const options = obj(connection.options) ?? {};
  const at = (...segments: string[]) => configPath(ROOT, key, ...segments);
  const kind = strategy === "auth0" ? "database" : (SOCIAL_STRATEGIES as readonly string[]).includes(strategy) ? "social" : "enterprise";
  const config: Json = { kind };
  if (name !== key) config.name = name;
  const displayName = str(connection.display_name);
  // Auth0 names some strategies' display name after the connection when none is given.
  if (displayName !== undefined && displayName !== "" && displayName !== name) config.displayName = displayName;
  if (kind === "database") Object.assign(config, databaseOptions(options));
  else if (kind === "social") Object.assign(config, socialOptions(strategy as SocialStrategy, options, key, findings));
  else Object.assign(config, enterpriseOptions(strategy, options, key, at, findings));
  // The metadata requireOrganization sets (components/connection.ts), read back.
  if (kind === "enterprise" && obj(connection.metadata)?.[ORGANIZATION_REQUIRED_METADATA] === "true") config.requireOrganization = true;
  return config;
}

/** The inverse of the database options auth0kit writes; a value equal to the schema's default is left out. */
function databaseOptions(options: Json): Json {
  const config: Json = {};
  const policy = str(options.passwordPolicy) ?? "none";
  if (policy !== "good") config.passwordPolicy = policy;
  const history = obj(options.password_history);
  const size = history?.enable === true ? (num(history.size) ?? 5) : 0;
  if (size !== 5) config.passwordHistory = size;
  if (obj(options.password_dictionary)?.enable !== true) config.passwordDictionary = false;
  if (obj(options.password_no_personal_info)?.enable !== true) config.passwordNoPersonalInfo = false;
  const minLength = num(obj(options.password_complexity_options)?.min_length);
  if (minLength !== undefined) config.passwordMinLength = minLength;
  if (options.disable_signup === true) config.disableSignup = true;
  if (options.requires_username === true) config.requiresUsername = true;
  if (bool(options.brute_force_protection) === false) config.bruteForceProtection = false;
  return config;
}

function socialOptions(strategy: SocialStrategy, options: Json, key: string, findings: Findings): Json {
  const config: Json = { strategy };
  const clientId = str(options.client_id);
  if (clientId !== undefined && clientId !== "") {
    config.clientId = clientId;
    config.clientSecret = findings.secret(configPath(ROOT, key, "clientSecret"), `the ${strategy} OAuth app's client secret (its developer console)`, key, "clientSecret");
  }
  const scopes = Object.keys(options).filter((flag) => options[flag] === true && /^[a-z][a-z_]*$/.test(flag) && !NOT_SCOPES.has(flag)).sort();
  if (!sameSet(scopes, SOCIAL_DEFAULT_SCOPES[strategy])) config.scopes = scopes;
  return config;
}

function enterpriseOptions(strategy: string, options: Json, key: string, at: (...s: string[]) => string, findings: Findings): Json {
  const config: Json = { strategy };
  const aliases = strings(options.domain_aliases);
  if (aliases.length > 0) config.domainAliases = aliases;
  const secret = () => findings.secret(at("clientSecret"), `the client secret of the ${strategy} IdP's app registration`, key, "clientSecret");
  const scopes = strings(typeof options.scope === "string" ? options.scope.split(" ") : options.scope);
  let groups: boolean;
  switch (strategy) {
    case "samlp":
    case "pingfederate": {
      if (str(options.signInEndpoint)) config.signInUrl = str(options.signInEndpoint);
      if (str(options.signOutEndpoint)) config.signOutUrl = str(options.signOutEndpoint);
      if (str(options.pingFederateBaseUrl)) config.serverUrl = str(options.pingFederateBaseUrl);
      if (str(options.signingCert)) config.signingCert = str(options.signingCert);
      const fields = parseFieldsMap(options.fieldsMap);
      const attribute = str(fields?.groups);
      groups = attribute !== undefined;
      if (attribute !== undefined && attribute !== DEFAULT_SAML_GROUPS_ATTRIBUTE) config.groupsAttribute = attribute;
      break;
    }
    case "oidc":
      if (options.type === "front_channel") findings.change(at(), "uses the front channel; auth0kit's OIDC connections use the back channel, which the first up sets");
      if (str(options.discovery_url)) config.discoveryUrl = str(options.discovery_url);
      else if (str(options.issuer)) config.issuer = str(options.issuer);
      groups = scopes.includes("groups");
      break;
    case "waad":
      config.tenantDomain = str(options.tenant_domain) ?? str(options.domain);
      groups = options.ext_groups === true;
      if (options.identity_api !== "microsoft-identity-platform-v2.0") {
        findings.change(at(), `uses ${String(options.identity_api)}; auth0kit's Entra ID connections use microsoft-identity-platform-v2.0, which the first up sets`);
      }
      break;
    case "adfs":
      // ADFS always sends the Group claim, which Auth0 keeps on the profile as is (components/connection.ts).
      if (str(options.adfs_server)) config.metadataUrl = str(options.adfs_server);
      if (str(options.fedMetadataXml)) config.metadataXml = str(options.fedMetadataXml);
      groups = true;
      break;
    case "google-apps":
      config.domain = str(options.domain) ?? str(options.tenant_domain);
      groups = options.ext_groups === true;
      break;
    default:
      config.domain = str(options.domain);
      groups = scopes.includes("groups");
  }
  if (strategy !== "samlp" && strategy !== "pingfederate" && strategy !== "adfs") {
    if (str(options.client_id)) config.clientId = str(options.client_id);
    if (options.client_secret === REDACTED) config.clientSecret = secret();
  }
  if (!groups) config.syncGroups = false;
  return config;
}

function parseFieldsMap(value: unknown): Json | undefined {
  if (typeof value !== "string") return obj(value);
  try {
    return obj(JSON.parse(value));
  } catch {
    return undefined;
  }
}
