import * as pulumi from "@pulumi/pulumi";
import type { ActionSecretSource } from "../config/schema/actions";
import type { TenantSpec } from "../config/spec";
import { TenantActions } from "./actions";
import { Api } from "./api";
import { Application } from "./application";
import { TenantSettings } from "./tenantSettings";

export interface Auth0TenantArgs {
  /** The validated description of the tenant. */
  readonly spec: TenantSpec;
  /** Values of the secret config keys the spec references (`spec.secretRefs`), as secret outputs. */
  readonly secrets: SecretValues;
  /** Protect tenant-critical resources (APIs) from deletion. Defaults to false. */
  readonly protectCritical?: boolean;
}

/** Secret config values by key; components look up `SecretRef.secret` here. */
export type SecretValues = Readonly<Record<string, pulumi.Output<string>>>;

export interface ApplicationOutputs {
  readonly clientId: pulumi.Output<string>;
  readonly clientSecret?: pulumi.Output<string>;
}

/** A whole Auth0 tenant: settings, APIs and applications, composed from one TenantSpec. */
export class Auth0Tenant extends pulumi.ComponentResource {
  /** `https://<domain>/`, with the trailing slash Auth0 puts in the `iss` claim. */
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly domain: string;
  readonly managementApiAudience: string;
  readonly apis: Readonly<Record<string, Api>>;
  readonly applications: Readonly<Record<string, Application>>;
  /** Set when the stack declares Actions. */
  readonly actions?: TenantActions;

  constructor(name: string, args: Auth0TenantArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:tenant:Auth0Tenant", name, {}, opts);
    const { spec } = args;
    this.domain = spec.domain;
    this.issuer = `https://${spec.domain}/`;
    this.jwksUrl = `https://${spec.domain}/.well-known/jwks.json`;
    this.managementApiAudience = `https://${spec.domain}/api/v2/`;

    new TenantSettings(`${name}-settings`, { settings: spec.tenant }, { parent: this });

    const apis: Record<string, Api> = {};
    for (const [key, api] of Object.entries(spec.apis)) {
      apis[key] = new Api(`${name}-api-${key}`, { api, protect: args.protectCritical ?? false }, { parent: this });
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

    if (Object.keys(spec.actions).length > 0) {
      // Action secrets come from the applications and APIs above, so those exist first.
      const resolve = (source: ActionSecretSource): pulumi.Input<string> => {
        if ("value" in source) return source.value;
        if ("secret" in source) return args.secrets[source.secret]!;
        if ("clientId" in source) return applications[source.clientId]!.clientId;
        if ("clientSecret" in source) return applications[source.clientSecret]!.clientSecret!;
        if ("apiIdentifier" in source) return apis[source.apiIdentifier]!.identifier;
        return spec.domain;
      };
      const secrets = Object.fromEntries(
        Object.values(spec.actions).map((action) => [
          action.key,
          Object.fromEntries(Object.entries(action.secrets).map(([secretName, source]) => [secretName, resolve(source)])),
        ]),
      );
      this.actions = new TenantActions(`${name}-actions`, { actions: spec.actions, secrets }, { parent: this });
    }

    this.registerOutputs({ issuer: this.issuer, jwksUrl: this.jwksUrl });
  }
}
