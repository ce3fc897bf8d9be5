import * as pulumi from "@pulumi/pulumi";
import type { ValueSource } from "../config/references";
import { GRANT_TYPES } from "../config/schema/applications";
import type { EnvValue, TenantSpec } from "../config/spec";
import type { SecretValues } from "./secrets";

/** The tenant's outputs a reference can name; Auth0Tenant has every one of them. */
export interface TenantOutputs {
  readonly issuer: string;
  readonly domain: string;
  readonly jwksUrl: string;
  readonly managementApiAudience: string;
  readonly apis: Readonly<Record<string, { readonly identifier: pulumi.Output<string> }>>;
  readonly applications: Readonly<Record<string, { readonly clientId: pulumi.Output<string>; readonly clientSecret?: pulumi.Output<string> }>>;
  readonly organizations: Readonly<Record<string, { readonly id: pulumi.Output<string> }>>;
  readonly roles: Readonly<Record<string, { readonly id: pulumi.Output<string> }>>;
  readonly logStreams: Readonly<Record<string, { readonly bearerSecret?: pulumi.Output<string> }>>;
}

/** Everything a value can be taken from. */
export interface ValueSources {
  /** Absent in `local`, which provisions no tenant. */
  readonly tenant?: TenantOutputs;
  /** Generated secrets by name. */
  readonly generated: SecretValues;
  /** Secret config values by key. */
  readonly secrets: SecretValues;
}

/**
 * The one resolver of references to the tenant's outputs, for env variables and Action secrets
 * alike. Secret sources become secret outputs. Every reference was checked to exist
 * (config/rules/references.ts), so a miss here is a bug, not a user error.
 */
export function resolveValue(spec: TenantSpec, value: ValueSource, sources: ValueSources): pulumi.Output<string> {
  if ("literal" in value) return pulumi.output(value.literal);
  if ("secret" in value) return pulumi.secret(sources.secrets[value.secret]!);
  if (value.ref === "generatedSecret") return pulumi.secret(sources.generated[value.name]!);
  if (value.ref === "scopes") return pulumi.output(scopesString(spec, value));
  if (value.ref === "enforcement") return pulumi.output(spec.rollout!.enforcement);
  const tenant = sources.tenant;
  if (tenant === undefined) throw new Error(`{ ref: ${value.ref} } needs a tenant; validation keeps tenant references out of local stacks`);
  switch (value.ref) {
    case "issuer":
      return pulumi.output(tenant.issuer);
    case "domain":
      return pulumi.output(tenant.domain);
    case "customDomain":
      return pulumi.output(spec.tenant.customDomain!.domain);
    case "organizationId":
      return tenant.organizations[value.organization]!.id;
    case "roleId":
      return tenant.roles[value.role]!.id;
    case "logStreamSecret":
      return pulumi.secret(tenant.logStreams[value.logStream]!.bearerSecret!);
    case "jwksUrl":
      return pulumi.output(tenant.jwksUrl);
    case "managementApiAudience":
      return pulumi.output(tenant.managementApiAudience);
    case "apiIdentifier":
      return tenant.apis[value.api]!.identifier;
    case "clientId":
      return tenant.applications[value.application]!.clientId;
    case "clientSecret": {
      const secret = tenant.applications[value.application]!.clientSecret;
      if (secret === undefined || !spec.applications[value.application]!.grantTypes.includes(GRANT_TYPES.clientCredentials)) {
        throw new Error(`application ${value.application} has no client secret; validation should have caught this`);
      }
      return pulumi.secret(secret);
    }
  }
}

/**
 * The space-separated scopes an application requests: OIDC scopes, then its granted permissions
 * in their configured order (as the runbooks write them; the ClientGrant itself sorts them),
 * then offline_access.
 */
export function scopesString(spec: TenantSpec, value: Extract<EnvValue, { ref: "scopes" }>): string {
  const granted = spec.applications[value.application]?.grants[value.api]?.permissions ?? [];
  return [...new Set([...value.oidc, ...granted, ...(value.offlineAccess ? ["offline_access"] : [])])].join(" ");
}
