/**
 * The whole adoption: every mapping applied to one tenant read, giving the stack file's config
 * (keys fully qualified, as in `Pulumi.<stack>.yaml`), the Auth0 IDs the import file needs, the
 * Action sources, and the findings. Pure: no I/O.
 */
import { isProductionLike } from "../config/spec";
import type { Environment } from "../config/schema/tenant";
import { Findings } from "./findings";
import type { Json } from "./json";
import { adoptActions } from "./map/actions";
import { adoptApis } from "./map/apis";
import { adoptApplications } from "./map/applications";
import { adoptAttackProtection } from "./map/attackProtection";
import { adoptConnections } from "./map/connections";
import { adoptEmail } from "./map/email";
import { adoptLogin } from "./map/login";
import { adoptLogStreams } from "./map/logStreams";
import { adoptMfa } from "./map/mfa";
import { adoptOrganizations } from "./map/organizations";
import { adoptRoles } from "./map/roles";
import { adoptTenantSettings } from "./map/tenantSettings";
import { slug } from "./keys";
import type { TenantSnapshot } from "./tenant";

/** Auth0 IDs of what was adopted, keyed the way the planned resources' inputs name them. */
export interface AdoptedIds {
  readonly domain: string;
  /** ResourceServer ID by identifier. */
  readonly apis: Readonly<Record<string, string>>;
  /** Client ID by application key. */
  readonly clients: Readonly<Record<string, string>>;
  /** Client grant ID by client ID, then audience. */
  readonly grants: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Connection ID by connection name. */
  readonly connections: Readonly<Record<string, string>>;
  /** Organization ID by organization name. */
  readonly organizations: Readonly<Record<string, string>>;
  /** Action ID by Action name. */
  readonly actions: Readonly<Record<string, string>>;
  /** Token exchange profile ID by subject token type. */
  readonly profiles: Readonly<Record<string, string>>;
  /** Role ID by role name. */
  readonly roles: Readonly<Record<string, string>>;
  /** Log stream ID by stream name. */
  readonly logStreams: Readonly<Record<string, string>>;
  readonly customDomain?: string;
  readonly phoneProvider?: string;
  /** Adopted email templates: a template's import ID is its name. */
  readonly emailTemplates: readonly string[];
  /** Adopted replaced texts, as their import IDs `<prompt>::<language>`. */
  readonly promptTexts: readonly string[];
}

export interface Adoption {
  /** `auth0:domain`, `auth0kit:environment`, `auth0kit:<key>` → value, in stack-file order. */
  readonly config: Record<string, unknown>;
  readonly ids: AdoptedIds;
  /** Action sources and email bodies by their path relative to the project root. */
  readonly sources: Readonly<Record<string, string>>;
  readonly findings: Findings;
}

export interface AdoptOptions {
  readonly environment: Exclude<Environment, "local">;
  /** The project's existing Action files, path by code. */
  readonly existingSources: ReadonlyMap<string, string>;
  /** The project's existing email bodies (under emails/), path by text. */
  readonly existingBodies: ReadonlyMap<string, string>;
}

export function adoptTenant(snapshot: TenantSnapshot, options: AdoptOptions): Adoption {
  const findings = new Findings();
  const productionLike = isProductionLike(options.environment);
  const tenant = adoptTenantSettings(snapshot.settings, snapshot.customDomains, findings);
  const apis = adoptApis(snapshot.resourceServers, findings);
  const applications = adoptApplications(snapshot.clients, snapshot.clientGrants, apis, snapshot, findings);
  const appKeys = new Map(applications.map((app) => [app.clientId, app.key]));
  const connections = adoptConnections(snapshot.connections, snapshot.connectionClients, appKeys, findings);
  const organizations = adoptOrganizations(snapshot.organizations, snapshot.organizationConnections, new Map(connections.map((c) => [c.id, c.key])), findings);
  const actions = adoptActions(snapshot.actions, snapshot.bindings, snapshot.tokenExchangeProfiles, options.existingSources, snapshot.guardian.factors.otp === true, findings);
  const logStreams = adoptLogStreams(snapshot.logStreams, findings);
  const mfa = adoptMfa(snapshot.guardian, findings);
  const attackProtection = adoptAttackProtection(snapshot.attackProtection, productionLike);
  const roles = adoptRoles(snapshot.roles, snapshot.rolePermissions, new Map(apis.map((api) => [api.identifier, api.key])), findings);
  // New bodies go under the tenant's name, so that two stacks adopted into one project keep theirs apart.
  const email = adoptEmail(snapshot.email, options.existingBodies, slug(snapshot.domain.split(".")[0] ?? "", "tenant"), findings);
  const login = adoptLogin(snapshot.login, findings);
  const keyed = <T extends { key: string; config: Json }>(items: readonly T[]) =>
    Object.fromEntries([...items].sort((a, b) => (a.key < b.key ? -1 : 1)).map((item) => [item.key, item.config]));
  const config: Record<string, unknown> = {
    "auth0:domain": snapshot.domain,
    "auth0kit:environment": options.environment,
    "auth0kit:tenant": tenant.tenant,
  };
  const sections: [string, unknown][] = [
    ["apis", keyed(apis)],
    ["applications", keyed(applications)],
    ["connections", keyed(connections)],
    ["organizations", keyed(organizations)],
    ["roles", keyed(roles)],
    ["actions", keyed(actions)],
    ["logStreams", keyed(logStreams)],
  ];
  for (const [name, value] of sections) if (Object.keys(value as Json).length > 0) config[`auth0kit:${name}`] = value;
  if (mfa.mfa !== undefined) config["auth0kit:mfa"] = mfa.mfa;
  if (attackProtection !== undefined) config["auth0kit:attackProtection"] = attackProtection;
  if (email.config !== undefined) config["auth0kit:email"] = email.config;
  if (login.config !== undefined) config["auth0kit:login"] = login.config;
  findings.note("auth0kit:envFiles", "env files and auth0kit:generatedSecrets are not stored in Auth0; copy them from the stack you deploy with, if any");
  return {
    config,
    sources: { ...Object.fromEntries(actions.map((action) => [action.source.path, action.source.code])), ...email.sources },
    findings,
    ids: {
      domain: snapshot.domain,
      apis: Object.fromEntries(apis.map((api) => [api.identifier, api.id])),
      clients: Object.fromEntries(applications.map((app) => [app.key, app.clientId])),
      grants: Object.fromEntries(applications.map((app) => [app.clientId, app.grantIds])),
      connections: Object.fromEntries(connections.map((c) => [c.name, c.id])),
      organizations: Object.fromEntries(organizations.map((o) => [o.name, o.id])),
      actions: Object.fromEntries(actions.map((a) => [a.name, a.id])),
      profiles: Object.fromEntries(actions.flatMap((a) => (a.profileId === undefined ? [] : [[String((a.config.tokenExchangeProfile as Json).subjectTokenType), a.profileId]]))),
      roles: Object.fromEntries(roles.map((r) => [r.name, r.id])),
      logStreams: Object.fromEntries(logStreams.map((s) => [String(s.config.name ?? s.key), s.id])),
      ...(tenant.customDomainId && { customDomain: tenant.customDomainId }),
      ...(mfa.phoneProviderId && { phoneProvider: mfa.phoneProviderId }),
      emailTemplates: email.templates,
      promptTexts: login.texts,
    },
  };
}
