import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_SAML_GROUPS_ATTRIBUTE, type DatabaseConnectionConfig, type EnterpriseConnectionConfig, type SocialConnectionConfig } from "../config/schema/connections";
import type { SecretRef } from "../config/schema/common";
import type { SecretValues } from "./auth0Tenant";
import { sortedUnique } from "./sorted";

type Keyed<T> = T & { readonly key: string; readonly name: string };

interface ConnectionArgsBase {
  /** Client IDs of the tenant's applications by key; every key the connection names is here (validated). */
  readonly clientIds: Readonly<Record<string, pulumi.Input<string>>>;
  /** Protect the connection from deletion. Defaults to false. */
  readonly protect?: boolean;
}

export interface DatabaseConnectionArgs extends ConnectionArgsBase {
  readonly connection: Keyed<DatabaseConnectionConfig>;
}

export interface SocialConnectionArgs extends ConnectionArgsBase {
  readonly connection: Keyed<SocialConnectionConfig>;
  /** Secret config values by key; the connection's clientSecret reference is among them (validated). */
  readonly secrets: SecretValues;
}

export interface EnterpriseConnectionArgs extends ConnectionArgsBase {
  readonly connection: Keyed<EnterpriseConnectionConfig>;
  /** Secret config values by key; the connection's clientSecret reference is among them (validated). */
  readonly secrets: SecretValues;
}

/** What every connection component exposes. */
export interface ConnectionOutputs {
  readonly id: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
  readonly connection: auth0.Connection;
  /** The one resource that owns the set of applications the connection is enabled for. */
  readonly clients: auth0.ConnectionClients;
}

/**
 * The applications a connection is enabled for, owned by one ConnectionClients (never mixed
 * with singular ConnectionClient resources), sorted by application key.
 */
function enabledClients(
  parent: pulumi.Resource,
  name: string,
  connection: auth0.Connection,
  applications: readonly string[],
  clientIds: ConnectionArgsBase["clientIds"],
): auth0.ConnectionClients {
  return new auth0.ConnectionClients(
    `${name}-clients`,
    { connectionId: connection.id, enabledClients: sortedUnique(applications).map((key) => clientIds[key]!) },
    { parent },
  );
}

function secretValue(secrets: SecretValues, ref: SecretRef | undefined): pulumi.Output<string> | undefined {
  return ref === undefined ? undefined : pulumi.secret(secrets[ref.secret]!);
}

/**
 * An Auth0 database connection (strategy `auth0`) and the applications it is enabled for.
 * Deleting a database connection deletes its users, so Pulumi never deletes it
 * (`retainOnDelete`): removing it from the stack only stops managing it.
 */
export class DatabaseConnection extends pulumi.ComponentResource implements ConnectionOutputs {
  readonly id: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
  readonly connection: auth0.Connection;
  readonly clients: auth0.ConnectionClients;

  constructor(name: string, args: DatabaseConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:connection:DatabaseConnection", name, {}, opts);
    const { connection: db } = args;
    this.connection = new auth0.Connection(
      `${name}-connection`,
      {
        name: db.name,
        displayName: db.displayName,
        strategy: "auth0",
        options: {
          passwordPolicy: db.passwordPolicy,
          passwordHistories: [db.passwordHistory > 0 ? { enable: true, size: db.passwordHistory } : { enable: false }],
          passwordDictionary: { enable: db.passwordDictionary },
          passwordNoPersonalInfo: { enable: db.passwordNoPersonalInfo },
          passwordComplexityOptions: db.passwordMinLength === undefined ? undefined : { minLength: db.passwordMinLength },
          disableSignup: db.disableSignup,
          requiresUsername: db.requiresUsername,
          bruteForceProtection: db.bruteForceProtection,
        },
      },
      { parent: this, protect: args.protect ?? false, retainOnDelete: true },
    );
    this.clients = enabledClients(this, name, this.connection, db.applications, args.clientIds);
    this.id = this.connection.id;
    this.name = this.connection.name;
    this.registerOutputs({ id: this.id, name: this.name });
  }
}

/**
 * A social connection (Google, GitHub). Without credentials Auth0 uses its developer keys
 * (allowed in dev only, validated); the client secret stays a secret.
 */
export class SocialConnection extends pulumi.ComponentResource implements ConnectionOutputs {
  readonly id: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
  readonly connection: auth0.Connection;
  readonly clients: auth0.ConnectionClients;

  constructor(name: string, args: SocialConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:connection:SocialConnection", name, {}, opts);
    const { connection: social } = args;
    this.connection = new auth0.Connection(
      `${name}-connection`,
      {
        name: social.name,
        displayName: social.displayName,
        strategy: social.strategy,
        options: socialOptions(social, args.secrets),
      },
      { parent: this, protect: args.protect ?? false },
    );
    this.clients = enabledClients(this, name, this.connection, social.applications, args.clientIds);
    this.id = this.connection.id;
    this.name = this.connection.name;
    this.registerOutputs({ id: this.id, name: this.name });
  }
}

/** A social connection's options; the client secret stays a secret output. */
export function socialOptions(social: SocialConnectionConfig, secrets: SecretValues): auth0.types.input.ConnectionOptions {
  return {
    clientId: social.clientId,
    clientSecret: secretValue(secrets, social.clientSecret),
    scopes: sortedUnique(social.scopes ?? []),
  };
}

/** Scopes every OpenID Connect sign-in asks for; `groups` is added when groups are synced. */
const OIDC_SCOPES = ["email", "openid", "profile"];

/**
 * An enterprise connection (SAML, OpenID Connect, Entra ID, Okta Workforce) with its email
 * domains for home-realm discovery. With `syncGroups`, the IdP's group claims reach the user
 * profile where the group-sync Action reads them: Entra ID through the `ext_groups` extended
 * attribute, OpenID Connect by binding every claim (`bind_all`), Okta through an attribute map
 * (Okta connections cannot bind all claims), SAML through a fields map.
 */
export class EnterpriseConnection extends pulumi.ComponentResource implements ConnectionOutputs {
  readonly id: pulumi.Output<string>;
  readonly name: pulumi.Output<string>;
  readonly connection: auth0.Connection;
  readonly clients: auth0.ConnectionClients;

  constructor(name: string, args: EnterpriseConnectionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:connection:EnterpriseConnection", name, {}, opts);
    const { connection: enterprise } = args;
    this.connection = new auth0.Connection(
      `${name}-connection`,
      {
        name: enterprise.name,
        displayName: enterprise.displayName,
        strategy: enterprise.strategy,
        options: { domainAliases: sortedUnique(enterprise.domainAliases), ...enterpriseOptions(enterprise, args.secrets) },
      },
      { parent: this, protect: args.protect ?? false },
    );
    this.clients = enabledClients(this, name, this.connection, enterprise.applications, args.clientIds);
    this.id = this.connection.id;
    this.name = this.connection.name;
    this.registerOutputs({ id: this.id, name: this.name });
  }
}

/** The strategy's own options; the fields each strategy needs are present (validated). */
export function enterpriseOptions(enterprise: EnterpriseConnectionConfig, secrets: SecretValues): auth0.types.input.ConnectionOptions {
  const groups = enterprise.syncGroups;
  const clientSecret = secretValue(secrets, enterprise.clientSecret);
  switch (enterprise.strategy) {
    case "samlp":
      return {
        signInEndpoint: enterprise.signInUrl,
        signOutEndpoint: enterprise.signOutUrl,
        signingCert: enterprise.signingCert,
        fieldsMap: groups ? JSON.stringify({ groups: enterprise.groupsAttribute ?? DEFAULT_SAML_GROUPS_ATTRIBUTE }) : undefined,
      };
    case "oidc":
      return {
        type: "back_channel",
        issuer: enterprise.issuer,
        discoveryUrl: enterprise.discoveryUrl,
        clientId: enterprise.clientId,
        clientSecret,
        scopes: sortedUnique(groups ? [...OIDC_SCOPES, "groups"] : OIDC_SCOPES),
        attributeMap: groups ? { mappingMode: "bind_all", userinfoScope: "openid email profile groups" } : undefined,
      };
    case "waad":
      return {
        tenantDomain: enterprise.tenantDomain,
        domain: enterprise.tenantDomain,
        clientId: enterprise.clientId,
        clientSecret,
        identityApi: "microsoft-identity-platform-v2.0",
        waadProtocol: "openid-connect",
        useWsfed: false,
        scopes: sortedUnique(groups ? ["basic_profile", "ext_groups", "ext_profile"] : ["basic_profile", "ext_profile"]),
        apiEnableUsers: groups,
      };
    case "okta":
      return {
        type: "back_channel",
        domain: enterprise.domain,
        issuer: `https://${enterprise.domain}`,
        clientId: enterprise.clientId,
        clientSecret,
        scopes: sortedUnique(groups ? [...OIDC_SCOPES, "groups"] : OIDC_SCOPES),
        attributeMap: groups
          ? {
              mappingMode: "basic_profile",
              userinfoScope: "openid email profile groups",
              attributes: JSON.stringify({ groups: "${context.userinfo.groups}" }),
            }
          : undefined,
      };
  }
}
