import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { ApiSpec } from "../config/spec";
import { snakeCase } from "./sorted";

export interface ApiArgs {
  readonly api: ApiSpec;
  /** Protect the resource server from deletion. Defaults to false. */
  readonly protect?: boolean;
}

/** An API (resource server) and the one resource that owns its whole set of permissions. */
export class Api extends pulumi.ComponentResource {
  readonly identifier: pulumi.Output<string>;
  readonly server: auth0.ResourceServer;
  readonly scopes: auth0.ResourceServerScopes;

  constructor(name: string, args: ApiArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:api:Api", name, {}, opts);
    const { api } = args;
    this.server = new auth0.ResourceServer(
      `${name}-server`,
      {
        name: api.name,
        identifier: api.identifier,
        signingAlg: api.signingAlg,
        enforcePolicies: api.rbac,
        tokenDialect: api.permissionsInToken ? "access_token_authz" : "access_token",
        tokenLifetime: api.tokenLifetime,
        tokenLifetimeForWeb: api.tokenLifetimeForWeb,
        allowOfflineAccess: api.allowOfflineAccess,
        skipConsentForVerifiableFirstPartyClients: api.skipConsentForFirstParty,
        subjectTypeAuthorization: {
          user: { policy: snakeCase(api.userAccess) },
          client: { policy: snakeCase(api.clientAccess) },
        },
        proofOfPossession: api.proofOfPossession && {
          mechanism: api.proofOfPossession.mechanism,
          required: api.proofOfPossession.required,
        },
      },
      { parent: this, protect: args.protect ?? false },
    );
    this.scopes = new auth0.ResourceServerScopes(
      `${name}-scopes`,
      {
        resourceServerIdentifier: this.server.identifier,
        scopes: Object.keys(api.permissions)
          .sort()
          .map((permission) => ({ name: permission, description: api.permissions[permission] })),
      },
      { parent: this },
    );
    this.identifier = this.server.identifier;
    this.registerOutputs({ identifier: this.identifier });
  }
}
