import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import {
  DEFAULT_SAML_GROUPS_ATTRIBUTE,
  type DatabaseConnectionConfig,
  type EnterpriseConnectionConfig,
  ORGANIZATION_REQUIRED_METADATA,
  type SocialConnectionConfig,
} from "../config/schema/connections";
import type { SecretRef } from "../config/schema/common";
import type { ConnectionSpec } from "../config/spec";
import { formerParent, type Placement } from "./formerParent";
import type { SecretValues } from "./secrets";
import { sortedUnique } from "./sorted";

export interface ConnectionArgs {
  readonly connection: ConnectionSpec;
  /** Client IDs of the tenant's applications by key; every key the connection names is here (validated). */
  readonly clientIds: Readonly<Record<string, pulumi.Input<string>>>;
  /** Secret config values by key; a social or enterprise connection's clientSecret reference is among them (validated). Defaults to none. */
  readonly secrets?: SecretValues;
  /** Protect the connection from deletion. Defaults to false. */
  readonly protect?: boolean;
}

/**
 * The component type each kind of connection had until large B2B tenants (docs/scale.md): a
 * component per customer connection cost a registration, and a captured stack, for no resource
 * of its own. The connection's resources keep aliases to their URNs under it.
 */
export const FORMER_CONNECTION_TYPES = {
  database: "auth0kit:connection:DatabaseConnection",
  social: "auth0kit:connection:SocialConnection",
  enterprise: "auth0kit:connection:EnterpriseConnection",
} as const satisfies Record<ConnectionSpec["kind"], string>;

/** A declared connection: what the tenant's outputs, organizations and env files read. */
export interface Connection {
  readonly id: pulumi.Output<string>;
  /** The connection's Auth0 name, as declared (the provider stores it unchanged); a plain value, as Organization's. */
  readonly name: string;
  readonly connection: auth0.Connection;
  /** The one resource that owns the set of applications the connection is enabled for. */
  readonly clients: auth0.ConnectionClients;
}

/**
 * An Auth0 connection of any kind and the applications it is enabled for, owned by one
 * ConnectionClients (never mixed with singular ConnectionClient resources), sorted by application
 * key; both children of the placement's parent (the tenant), named `<name>-connection` and `<name>-clients`.
 * Deleting a database connection deletes its users, so Pulumi never deletes one
 * (`retainOnDelete`): removing it from the stack only stops managing it.
 */
export function declareConnection(name: string, args: ConnectionArgs, placement: Placement): Connection {
  const { connection: spec } = args;
  const formerly = formerParent(name, FORMER_CONNECTION_TYPES[spec.kind], placement);
  const { parent } = placement;
  const connection = new auth0.Connection(`${name}-connection`, connectionInputs(spec, args.secrets ?? {}), {
    parent,
    protect: args.protect ?? false,
    aliases: [formerly("auth0:index/connection:Connection", `${name}-connection`)],
    ...(spec.kind === "database" && { retainOnDelete: true }),
  });
  const clients = new auth0.ConnectionClients(
    `${name}-clients`,
    { connectionId: connection.id, enabledClients: sortedUnique(spec.applications).map((key) => args.clientIds[key]!) },
    { parent, aliases: [formerly("auth0:index/connectionClients:ConnectionClients", `${name}-clients`)] },
  );
  return { id: connection.id, name: spec.name, connection, clients };
}

function connectionInputs(connection: ConnectionSpec, secrets: SecretValues): auth0.ConnectionArgs {
  const common = { name: connection.name, displayName: connection.displayName };
  switch (connection.kind) {
    case "database":
      return { ...common, strategy: "auth0", options: databaseOptions(connection) };
    case "social":
      return { ...common, strategy: connection.strategy, options: socialOptions(connection, secrets) };
    case "enterprise":
      return {
        ...common,
        strategy: connection.strategy,
        // Organization-only: the post-login Action denies a login through it without an organization.
        ...(connection.requireOrganization && { metadata: { [ORGANIZATION_REQUIRED_METADATA]: "true" } }),
        options: { domainAliases: sortedUnique(connection.domainAliases), ...enterpriseOptions(connection, secrets) },
      };
  }
}

function secretValue(secrets: SecretValues, ref: SecretRef | undefined): pulumi.Output<string> | undefined {
  return ref === undefined ? undefined : pulumi.secret(secrets[ref.secret]!);
}

/** A database connection's password policy and sign-up settings. */
function databaseOptions(db: DatabaseConnectionConfig): auth0.types.input.ConnectionOptions {
  return {
    passwordPolicy: db.passwordPolicy,
    passwordHistories: [db.passwordHistory > 0 ? { enable: true, size: db.passwordHistory } : { enable: false }],
    passwordDictionary: { enable: db.passwordDictionary },
    passwordNoPersonalInfo: { enable: db.passwordNoPersonalInfo },
    passwordComplexityOptions: db.passwordMinLength === undefined ? undefined : { minLength: db.passwordMinLength },
    disableSignup: db.disableSignup,
    requiresUsername: db.requiresUsername,
    bruteForceProtection: db.bruteForceProtection,
  };
}

/**
 * A social connection's options (Google, GitHub). Without credentials Auth0 uses its developer
 * keys (allowed in dev only, validated); the client secret stays a secret output.
 */
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
 * An enterprise connection's options (SAML, OpenID Connect, Entra ID, Okta Workforce, ADFS,
 * PingFederate, Google Workspace); its email
 * domains for home-realm discovery are added beside them. With `syncGroups`, the IdP's group
 * claims reach the user profile where the group-sync Action reads them: Entra ID through the
 * `ext_groups` extended attribute, OpenID Connect by binding every claim (`bind_all`), Okta
 * through an attribute map (Okta connections cannot bind all claims), SAML through a fields map.
 * The fields each strategy needs are present (validated).
 */
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
    case "adfs":
      // ADFS sends group memberships as the http://schemas.xmlsoap.org/claims/Group claim, which
      // Auth0 keeps on the profile as is: the group-sync Action reads it there.
      return { adfsServer: enterprise.metadataUrl, fedMetadataXml: enterprise.metadataXml };
    case "pingfederate":
      return {
        pingFederateBaseUrl: enterprise.serverUrl,
        signingCert: enterprise.signingCert,
        fieldsMap: groups ? JSON.stringify({ groups: enterprise.groupsAttribute ?? DEFAULT_SAML_GROUPS_ATTRIBUTE }) : undefined,
      };
    case "google-apps":
      return {
        domain: enterprise.domain,
        tenantDomain: enterprise.domain,
        clientId: enterprise.clientId,
        clientSecret,
        // Groups come from Google's Directory API, which needs the Users API enabled.
        apiEnableUsers: groups,
        scopes: sortedUnique(groups ? ["email", "ext_groups", "profile"] : ["email", "profile"]),
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
