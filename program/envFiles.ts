import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { GRANT_TYPES } from "../config/schema/applications";
import { type EnvValue, isSecretValue, type TenantSpec } from "../config/spec";
import { renderEnvExample, renderEnvFile } from "../env/render";
import { writeEnvPair } from "../env/write";

/** Everything an env-file reference can point at. Tenant values are absent in `local`. */
export interface EnvSources {
  readonly tenant?: {
    readonly issuer: string;
    readonly domain: string;
    readonly jwksUrl: string;
    readonly managementApiAudience: string;
    readonly apis: Readonly<Record<string, { readonly identifier: pulumi.Output<string> }>>;
    readonly applications: Readonly<Record<string, { readonly clientId: pulumi.Output<string>; readonly clientSecret?: pulumi.Output<string> }>>;
    readonly organizations: Readonly<Record<string, { readonly id: pulumi.Output<string> }>>;
    readonly logStreams: Readonly<Record<string, { readonly bearerSecret?: pulumi.Output<string> }>>;
  };
  readonly generated: Readonly<Record<string, pulumi.Output<string>>>;
  readonly secrets: Readonly<Record<string, pulumi.Output<string>>>;
}

export interface EnvFileOutputs {
  readonly kind: string;
  readonly path: string;
  /** Each variable's value; secret values are secret outputs. */
  readonly vars: Record<string, pulumi.Output<string>>;
  /** The whole file, a secret output (it may hold secrets). */
  readonly content: pulumi.Output<string>;
  /** The file with every secret left blank, for documentation. */
  readonly example: pulumi.Output<string>;
}

/** Resolves every variable of every env file to the tenant's outputs and renders the files. */
export function envFileOutputs(spec: TenantSpec, stack: string, sources: EnvSources): Record<string, EnvFileOutputs> {
  const files: Record<string, EnvFileOutputs> = {};
  for (const file of Object.values(spec.envFiles)) {
    const vars: Record<string, pulumi.Output<string>> = {};
    const secretNames = new Set<string>();
    for (const line of file.lines) {
      if (!("name" in line)) continue;
      vars[line.name] = resolve(spec, line.value, sources);
      if (isSecretValue(line.value)) secretNames.add(line.name);
    }
    const publicVars = Object.fromEntries(Object.entries(vars).filter(([name]) => !secretNames.has(name)));
    const blanks = Object.fromEntries([...secretNames].map((name) => [name, ""]));
    files[file.key] = {
      kind: file.kind,
      path: file.path,
      vars,
      content: pulumi.secret(pulumi.all(vars).apply((values) => renderEnvFile(file.kind, file.lines, values, { stack }))),
      example: pulumi.all(publicVars).apply((values) => renderEnvExample(file.kind, file.lines, { ...values, ...blanks }, secretNames, { stack })),
    };
  }
  return files;
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

function resolve(spec: TenantSpec, value: EnvValue, sources: EnvSources): pulumi.Output<string> {
  if ("literal" in value) return pulumi.output(value.literal);
  if ("secret" in value) return pulumi.secret(sources.secrets[value.secret]!);
  if (value.ref === "generatedSecret") return pulumi.secret(sources.generated[value.name]!);
  if (value.ref === "scopes") return pulumi.output(scopesString(spec, value));
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
 * Writes every env file and its example, relative to `baseDir`, once their values are known.
 * Called by the program on `pulumi up` only: a preview never writes.
 */
export function writeEnvFiles(files: Readonly<Record<string, EnvFileOutputs>>, baseDir: string): void {
  for (const file of Object.values(files)) {
    pulumi.all([file.content, file.example]).apply(([content, example]) => {
      writeEnvPair(path.resolve(baseDir, file.path), content, example);
    });
  }
}
