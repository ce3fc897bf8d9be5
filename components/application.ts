import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import { grantSubjectType } from "../config/defaults";
import { GRANT_TYPES, type ApplicationType, type RefreshTokenConfig } from "../config/schema/applications";
import type { ApplicationSpec } from "../config/spec";
import type { Api } from "./api";
import { snakeCase, sortedUnique } from "./sorted";

export interface ApplicationArgs {
  readonly app: ApplicationSpec;
  /** The tenant's APIs by key; every grant's key is among them (validated). */
  readonly apis: Readonly<Record<string, Api>>;
  /** Audience of the Auth0 Management API, always on the canonical domain. */
  readonly managementApiAudience: string;
}

const APP_TYPES: Record<ApplicationType, string> = {
  spa: "spa",
  native: "native",
  regular_web: "regular_web",
  m2m: "non_interactive",
};

/** One application (client), its client grants, and for confidential clients their secret. */
export class Application extends pulumi.ComponentResource {
  readonly clientId: pulumi.Output<string>;
  /** Set for applications that authenticate with a secret (m2m, regular_web). */
  readonly clientSecret?: pulumi.Output<string>;
  readonly client: auth0.Client;
  readonly grants: Readonly<Record<string, auth0.ClientGrant>>;

  constructor(name: string, args: ApplicationArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:application:Application", name, {}, opts);
    const { app } = args;
    this.client = new auth0.Client(
      `${name}-client`,
      {
        name: app.name,
        description: app.description,
        appType: APP_TYPES[app.type],
        isFirstParty: app.firstParty,
        oidcConformant: true,
        callbacks: sortedUnique(app.callbacks),
        allowedLogoutUrls: sortedUnique(app.logoutUrls),
        webOrigins: sortedUnique(app.webOrigins),
        allowedOrigins: sortedUnique(app.allowedOrigins),
        grantTypes: sortedUnique(app.grantTypes),
        jwtConfiguration: app.type === "m2m" ? undefined : { alg: "RS256", lifetimeInSeconds: app.idTokenLifetime },
        refreshToken: app.refreshToken && refreshTokenInputs(app.refreshToken),
        organizationUsage: app.organizations?.usage,
        organizationRequireBehavior: app.organizations?.requireBehavior && snakeCase(app.organizations.requireBehavior),
        tokenExchange: app.tokenExchangeProfileTypes && { allowAnyProfileOfTypes: sortedUnique(app.tokenExchangeProfileTypes) },
      },
      { parent: this },
    );
    this.clientId = this.client.clientId;

    if (app.grantTypes.includes(GRANT_TYPES.clientCredentials)) {
      const credentials = new auth0.ClientCredentials(
        `${name}-credentials`,
        { clientId: this.client.clientId, authenticationMethod: "client_secret_post" },
        { parent: this },
      );
      this.clientSecret = pulumi.secret(credentials.clientSecret);
    }

    const grants: Record<string, auth0.ClientGrant> = {};
    for (const apiKey of Object.keys(app.grants).sort()) {
      const grant = app.grants[apiKey]!;
      const api = args.apis[apiKey]!;
      grants[apiKey] = new auth0.ClientGrant(
        `${name}-grant-api-${apiKey}`,
        {
          clientId: this.client.clientId,
          audience: api.identifier,
          scopes: sortedUnique(grant.permissions),
          subjectType: grantSubjectType(app, grant.subjectType),
        },
        // The API's permissions must exist before a grant may name them.
        { parent: this, dependsOn: [api.scopes] },
      );
    }
    if (app.managementApiScopes.length > 0) {
      grants["management-api"] = new auth0.ClientGrant(
        `${name}-grant-management`,
        {
          clientId: this.client.clientId,
          audience: args.managementApiAudience,
          scopes: sortedUnique(app.managementApiScopes),
          subjectType: "client",
        },
        { parent: this },
      );
    }
    this.grants = grants;
    this.registerOutputs({ clientId: this.clientId, clientSecret: this.clientSecret });
  }
}

/** Auth0 models "no absolute lifetime" as a non-expiring token with an infinite lifetime. */
function refreshTokenInputs(policy: RefreshTokenConfig): auth0.types.input.ClientRefreshToken {
  const expiring = policy.absoluteLifetime !== undefined;
  return {
    rotationType: policy.rotation ? "rotating" : "non-rotating",
    expirationType: expiring ? "expiring" : "non-expiring",
    tokenLifetime: policy.absoluteLifetime,
    infiniteTokenLifetime: !expiring,
    idleTokenLifetime: policy.idleLifetime,
    infiniteIdleTokenLifetime: policy.idleLifetime === undefined,
    leeway: policy.leeway,
  };
}
