import * as pulumi from "@pulumi/pulumi";
import { actionSecretSource } from "../config/references";
import { issuerDomain, type TenantSpec } from "../config/spec";
import { TenantActions } from "./actions";
import { Api } from "./api";
import { Application } from "./application";
import { type Connection, declareConnection } from "./connection";
import { declareOrganization, type Organization } from "./organization";
import { Email } from "./email";
import { LoginExperience } from "./loginExperience";
import { resolveValue } from "./references";
import { Role } from "./roles";
import { AttackProtection } from "./attackProtection";
import { CustomDomain } from "./customDomain";
import { LogStream } from "./logStream";
import { Mfa } from "./mfa";
import type { SecretValues } from "./secrets";
import { TenantSettings } from "./tenantSettings";

const TENANT_TYPE = "auth0kit:tenant:Auth0Tenant";

export interface Auth0TenantArgs {
  /** The validated description of the tenant. */
  readonly spec: TenantSpec;
  /** Values of the secret config keys the spec references (`spec.secretRefs`), as secret outputs. */
  readonly secrets: SecretValues;
  /** Protect tenant-critical resources (tenant settings, APIs, connections, organizations, the custom domain) from deletion. Defaults to false. */
  readonly protectCritical?: boolean;
}

/**
 * A whole Auth0 tenant: settings, APIs, applications, connections, organizations and security
 * operations (log streams, MFA, attack protection, custom domain), composed from one TenantSpec.
 */
export class Auth0Tenant extends pulumi.ComponentResource {
  /**
   * `https://<issuer domain>/`, with the trailing slash Auth0 puts in the `iss` claim. The issuer
   * domain is the custom domain when `tenant.customDomain.useForIssuer` is on, else `domain`.
   */
  readonly issuer: string;
  readonly jwksUrl: string;
  /** The canonical tenant domain (`auth0:domain`). */
  readonly domain: string;
  /** Always on the canonical domain: the Management API does not answer on custom domains' audience. */
  readonly managementApiAudience: string;
  readonly apis: Readonly<Record<string, Api>>;
  readonly applications: Readonly<Record<string, Application>>;
  readonly connections: Readonly<Record<string, Connection>>;
  readonly organizations: Readonly<Record<string, Organization>>;
  readonly roles: Readonly<Record<string, Role>>;
  readonly logStreams: Readonly<Record<string, LogStream>>;
  readonly mfa?: Mfa;
  readonly email?: Email;
  readonly login?: LoginExperience;
  readonly attackProtection?: AttackProtection;
  readonly customDomain?: CustomDomain;
  /** Set when the stack declares Actions. */
  readonly actions?: TenantActions;

  constructor(name: string, args: Auth0TenantArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TENANT_TYPE, name, {}, opts);
    const { spec } = args;
    this.domain = spec.domain;
    const custom = spec.tenant.customDomain;
    this.issuer = `https://${issuerDomain(spec)}/`;
    this.jwksUrl = `https://${issuerDomain(spec)}/.well-known/jwks.json`;
    this.managementApiAudience = `https://${spec.domain}/api/v2/`;
    const protect = args.protectCritical ?? false;

    const phoneCodes = spec.mfa?.factors.phone !== undefined;
    const settings = new TenantSettings(
      `${name}-settings`,
      { settings: spec.tenant, protect, ...(phoneCodes && { phoneConsolidatedExperience: true }) },
      { parent: this },
    );

    const apis: Record<string, Api> = {};
    for (const [key, api] of Object.entries(spec.apis)) {
      apis[key] = new Api(`${name}-api-${key}`, { api, protect }, { parent: this });
    }
    this.apis = apis;

    const applications: Record<string, Application> = {};
    for (const [key, app] of Object.entries(spec.applications)) {
      applications[key] = new Application(
        `${name}-app-${key}`,
        { app, apis, managementApiAudience: this.managementApiAudience },
        { parent: this },
      );
    }
    this.applications = applications;

    const roles: Record<string, Role> = {};
    for (const [key, role] of Object.entries(spec.roles)) {
      roles[key] = new Role(`${name}-role-${key}`, { role, apis }, { parent: this });
    }
    this.roles = roles;

    const clientIds = Object.fromEntries(Object.entries(applications).map(([key, app]) => [key, app.clientId]));
    // Connections and organizations grow with the customers of a B2B tenant; their resources sit
    // directly under the tenant (no component each), which a large tenant's deploy time pays for.
    const placement = { parent: this, parentTypes: opts?.parent === undefined ? TENANT_TYPE : undefined };
    const connections: Record<string, Connection> = {};
    for (const [key, connection] of Object.entries(spec.connections)) {
      connections[key] = declareConnection(`${name}-connection-${key}`, { connection, clientIds, secrets: args.secrets, protect }, placement);
    }
    this.connections = connections;

    const connectionIds = Object.fromEntries(Object.entries(connections).map(([key, connection]) => [key, connection.id]));
    const organizations: Record<string, Organization> = {};
    for (const [key, organization] of Object.entries(spec.organizations)) {
      organizations[key] = declareOrganization(`${name}-org-${key}`, { organization, connectionIds, protect }, placement);
    }
    this.organizations = organizations;
    const logStreams: Record<string, LogStream> = {};
    for (const [key, stream] of Object.entries(spec.logStreams)) {
      logStreams[key] = new LogStream(`${name}-logstream-${key}`, { stream, secrets: args.secrets }, { parent: this });
    }
    this.logStreams = logStreams;
    if (spec.mfa !== undefined) {
      this.mfa = new Mfa(`${name}-mfa`, { mfa: spec.mfa, secrets: args.secrets, tenant: settings.tenant }, { parent: this });
    }
    if (spec.email !== undefined) {
      this.email = new Email(`${name}-email`, { email: spec.email, secrets: args.secrets }, { parent: this });
    }
    if (spec.login !== undefined) {
      this.login = new LoginExperience(`${name}-login`, { login: spec.login, mfa: this.mfa?.guardian }, { parent: this });
    }
    if (spec.attackProtection !== undefined) {
      this.attackProtection = new AttackProtection(`${name}-attack-protection`, { protection: spec.attackProtection }, { parent: this });
    }
    if (custom !== undefined) {
      this.customDomain = new CustomDomain(
        `${name}-custom-domain`,
        { customDomain: custom, protect },
        { parent: this },
      );
    }
    if (Object.keys(spec.actions).length > 0) {
      // Action secrets come from the applications and APIs above, so those exist first.
      const sources = { tenant: this, generated: {}, secrets: args.secrets };
      const secrets = Object.fromEntries(
        Object.values(spec.actions).map((action) => [
          action.key,
          Object.fromEntries(Object.entries(action.secrets).map(([secretName, source]) => [secretName, resolveValue(spec, actionSecretSource(source), sources)])),
        ]),
      );
      this.actions = new TenantActions(`${name}-actions`, { actions: spec.actions, secrets }, { parent: this });
    }

    this.registerOutputs({ issuer: this.issuer, jwksUrl: this.jwksUrl });
  }
}
