/**
 * One read of the whole tenant, in the Management API's own JSON. Secrets Auth0 returns (client
 * secrets, connection and Duo secrets, sink credentials, any email provider key) are replaced by
 * REDACTED the moment they arrive, so nothing after this point can write or print one; the
 * mappings only see that a secret is set.
 */
import { ACTION_TRIGGERS } from "../config/schema/actions";
import { EMAIL_TEMPLATES } from "../config/schema/email";
import { TEXT_PROMPTS } from "../config/schema/login";
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
  readonly email: EmailSnapshot;
  readonly login: LoginSnapshot;
}

export interface EmailSnapshot {
  /** Undefined while the tenant sends through Auth0's built-in provider (404). */
  readonly provider?: Json;
  /** The customized templates the schema knows, by name; a template never customized answers 404 and is absent. */
  readonly templates: Readonly<Record<string, Json>>;
}

export interface LoginSnapshot {
  readonly prompts: Json;
  readonly branding: Json;
  /** Whether a Universal Login page template is set (404 when not). */
  readonly pageTemplate: boolean;
  /** Replaced texts by prompt, then language (the tenant's enabled locales); prompts answering `{}` are absent. */
  readonly texts: Readonly<Record<string, Readonly<Record<string, Json>>>>;
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
/** Email provider credentials Auth0 treats as write-only; never expected back, dropped if they come. */
const EMAIL_SECRETS = ["api_key", "smtp_pass", "accessKeyId", "secretAccessKey", "connectionString", "clientSecret"];
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
    email: await readEmail(reader),
    login: await readLogin(reader, strings(obj(settings)?.enabled_locales)),
  };
}

async function readEmail(reader: ManagementReader): Promise<EmailSnapshot> {
  // The fields the provider itself asks for (TestAccEmail).
  const provider = obj(await reader.get("/emails/provider", { fields: "name,enabled,default_from_address,credentials,settings", include_fields: "true" }, true));
  const templates: Record<string, Json> = {};
  for (const name of EMAIL_TEMPLATES) {
    const template = obj(await reader.get(`/email-templates/${name}`, {}, true));
    if (template !== undefined) templates[name] = template;
  }
  return {
    ...(provider && { provider: { ...provider, credentials: redact(obj(provider.credentials) ?? {}, EMAIL_SECRETS) } }),
    templates,
  };
}

/** `locales`: the tenant's enabled languages, whose texts are read (Auth0 shows no others). */
async function readLogin(reader: ManagementReader, locales: readonly string[]): Promise<LoginSnapshot> {
  const texts: Record<string, Record<string, Json>> = {};
  for (const prompt of TEXT_PROMPTS) {
    for (const language of locales.length > 0 ? locales : ["en"]) {
      // Optional: a prompt the tenant's plan lacks (custom forms, passkeys) has no texts to keep.
      const body = obj(await reader.get(`/prompts/${prompt}/custom-text/${encodeURIComponent(language)}`, {}, true)) ?? {};
      if (Object.keys(body).length > 0) (texts[prompt] ??= {})[language] = body;
    }
  }
  return {
    prompts: obj(await reader.get("/prompts")) ?? {},
    branding: obj(await reader.get("/branding")) ?? {},
    pageTemplate: (await reader.get("/branding/templates/universal-login", {}, true)) !== undefined,
    texts,
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
