/**
 * One read of the whole tenant, in the Management API's own JSON. Secrets Auth0 returns (client
 * secrets, connection and Duo secrets, sink credentials) are replaced by REDACTED the moment they
 * arrive, so nothing after this point can write or print one; the mappings only see that a secret
 * is set.
 */
import { ACTION_TRIGGERS } from "../config/schema/actions";
import type { ManagementReader } from "./client";
import { obj, objects, str, strings, type Json } from "./json";

export const REDACTED = "[redacted]";

export interface TenantSnapshot {
  readonly domain: string;
  /** The Management API's audience on this tenant: `https://<domain>/api/v2/`. */
  readonly managementAudience: string;
  /** The client the adopter read the tenant as (the deploying client): never adopted. */
  readonly readerClientId: string;
  readonly settings: Json;
  readonly resourceServers: readonly Json[];
  readonly clients: readonly Json[];
  readonly clientGrants: readonly Json[];
  readonly connections: readonly Json[];
  /** Client IDs each connection is enabled for, by connection ID. */
  readonly connectionClients: Readonly<Record<string, readonly string[]>>;
  readonly organizations: readonly Json[];
  /** Enabled connections by organization ID. */
  readonly organizationConnections: Readonly<Record<string, readonly Json[]>>;
  readonly actions: readonly Json[];
  /** Bindings in flow order, by trigger ID. */
  readonly bindings: Readonly<Record<string, readonly Json[]>>;
  readonly tokenExchangeProfiles: readonly Json[];
  readonly logStreams: readonly Json[];
  readonly guardian: GuardianSnapshot;
  readonly attackProtection: { readonly bruteForce: Json; readonly breachedPasswords: Json; readonly suspiciousIpThrottling: Json };
  readonly customDomains: readonly Json[];
  readonly roles: readonly Json[];
  /** Each role's permissions, by role ID. */
  readonly rolePermissions: Readonly<Record<string, readonly Json[]>>;
}

export interface GuardianSnapshot {
  readonly policies: readonly string[];
  /** Factor name → enabled. */
  readonly factors: Readonly<Record<string, boolean>>;
  readonly phoneMessageTypes: readonly string[];
  readonly webauthnRoaming: Json;
  readonly duo: Json;
  readonly phoneProviders: readonly Json[];
}

/** Fields that hold a secret, by where they appear. */
const CLIENT_SECRETS = ["client_secret"];
const OPTION_SECRETS = ["client_secret", "signing_key", "decryptionKey", "app_secret", "consumer_secret", "twilio_token"];
const SINK_SECRETS = ["httpAuthorization", "datadogApiKey", "splunkToken", "sumoSourceAddress", "segmentWriteKey", "mixpanelServiceAccountPassword"];

export async function readTenant(reader: ManagementReader, readerClientId: string): Promise<TenantSnapshot> {
  const [settings, resourceServers, clients, clientGrants, connections, organizations, actions, profiles, logStreams, customDomains, roles] = await Promise.all([
    reader.get("/tenants/settings"),
    reader.pages("/resource-servers", "resource_servers"),
    reader.pages("/clients", "clients"),
    reader.pages("/client-grants", "client_grants"),
    reader.checkpoints("/connections", "connections"),
    reader.checkpoints("/organizations", "organizations"),
    reader.pages("/actions/actions", "actions"),
    reader.get("/token-exchange-profiles", {}, true),
    reader.get("/log-streams"),
    reader.get("/custom-domains", {}, true),
    reader.pages("/roles", "roles"),
  ]);
  const connectionClients: Record<string, string[]> = {};
  for (const connection of connections) {
    const id = str(connection.id)!;
    connectionClients[id] = (await reader.checkpoints(`/connections/${encodeURIComponent(id)}/clients`, "clients")).map((c) => str(c.client_id)!).sort();
  }
  const organizationConnections: Record<string, Json[]> = {};
  for (const organization of organizations) {
    const id = str(organization.id)!;
    organizationConnections[id] = await reader.pages(`/organizations/${encodeURIComponent(id)}/connections`, "connections", { is_enabled: "true" });
  }
  const rolePermissions: Record<string, Json[]> = {};
  for (const role of roles) {
    const id = str(role.id)!;
    rolePermissions[id] = await reader.pages(`/roles/${encodeURIComponent(id)}/permissions`, "permissions");
  }
  const bindings: Record<string, Json[]> = {};
  for (const [trigger, how] of Object.entries(ACTION_TRIGGERS)) {
    if (how.bound === "trigger") bindings[trigger] = await reader.pages(`/actions/triggers/${trigger}/bindings`, "bindings");
  }
  return {
    domain: reader.domain,
    managementAudience: reader.audience,
    readerClientId,
    settings: obj(settings) ?? {},
    resourceServers,
    clients: clients.map((client) => redact(client, CLIENT_SECRETS)),
    clientGrants,
    connections: connections.map((connection) => ({ ...connection, options: redact(obj(connection.options) ?? {}, OPTION_SECRETS) })),
    connectionClients,
    organizations,
    organizationConnections,
    actions,
    bindings,
    tokenExchangeProfiles: objects(obj(profiles)?.token_exchange_profiles ?? profiles),
    logStreams: objects(logStreams).map((stream) => ({ ...stream, sink: redact(obj(stream.sink) ?? {}, SINK_SECRETS) })),
    guardian: await readGuardian(reader),
    attackProtection: {
      bruteForce: obj(await reader.get("/attack-protection/brute-force-protection")) ?? {},
      breachedPasswords: obj(await reader.get("/attack-protection/breached-password-detection")) ?? {},
      suspiciousIpThrottling: obj(await reader.get("/attack-protection/suspicious-ip-throttling")) ?? {},
    },
    customDomains: objects(customDomains),
    roles,
    rolePermissions,
  };
}

async function readGuardian(reader: ManagementReader): Promise<GuardianSnapshot> {
  const factors = objects(await reader.get("/guardian/factors"));
  const providers = obj(await reader.get("/branding/phone/providers", {}, true));
  return {
    policies: strings(await reader.get("/guardian/policies")),
    factors: Object.fromEntries(factors.map((factor) => [str(factor.name) ?? "", factor.enabled === true])),
    phoneMessageTypes: strings(obj(await reader.get("/guardian/factors/phone/message-types"))?.message_types),
    webauthnRoaming: obj(await reader.get("/guardian/factors/webauthn-roaming/settings", {}, true)) ?? {},
    duo: redact(obj(await reader.get("/guardian/factors/duo/settings", {}, true)) ?? {}, ["skey"]),
    phoneProviders: objects(providers?.providers).map((provider) => redact(provider, ["credentials"])),
  };
}

/** A copy with each named field, when set, replaced by REDACTED. */
function redact(value: Json, fields: readonly string[]): Json {
  const copy = { ...value };
  for (const field of fields) {
    if (copy[field] !== undefined && copy[field] !== null && copy[field] !== "") copy[field] = REDACTED;
  }
  return copy;
}
