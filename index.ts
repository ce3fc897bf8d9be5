import * as pulumi from "@pulumi/pulumi";
import { Auth0Tenant } from "./components/auth0Tenant";
import { GeneratedSecrets } from "./components/generatedSecrets";
import { ConfigError, formatIssue } from "./config/issues";
import { formatOverride } from "./config/guardrails";
import { loadSpec } from "./config/load";
import { readStackConfig } from "./config/pulumiConfig";
import { checkWarnings } from "./config/warnings";
import { envFileOutputs, maskedEnvFiles, writeEnvFiles } from "./program/envFiles";
import { InvalidConfigError } from "./program/errors";
import type { ProgramResult } from "./program/result";

/**
 * The auth0kit program: validate the stack's description, declare the tenant, render the env
 * files from its outputs (written on `pulumi up` only), and export what deployments need.
 * Pulumi calls the exported function and exports what it returns; the offline plan calls `run`,
 * the very same run, to see the validated spec and the masked env files as well.
 */
async function run(): Promise<ProgramResult> {
  const stackConfig = readStackConfig();
  const spec = validated(() => loadSpec(stackConfig, process.env));
  for (const warning of checkWarnings(spec)) pulumi.log.warn(formatIssue(warning));
  for (const override of spec.overrides) pulumi.log.warn(`guardrail override in force: ${formatOverride(override)}`);
  // Secrets come from the configuration read once above: Config.requireSecret parses all of it
  // for every key, which is quadratic for a B2B tenant with a client secret per enterprise
  // connection. Every referenced key is set and secret (loadSpec checked it).
  const secrets = Object.fromEntries(spec.secretRefs.map((key) => [key, pulumi.secret(stackConfig.values[`auth0kit:${key}`]!)]));
  const generated =
    Object.keys(spec.generatedSecrets).length > 0 ? new GeneratedSecrets("generated", { secrets: spec.generatedSecrets }).values : {};
  const tenant =
    spec.environment === "local" ? undefined : new Auth0Tenant("tenant", { spec, secrets, protectCritical: spec.environment === "prod" });

  const envFiles = envFileOutputs(spec, pulumi.getStack(), { tenant, generated, secrets });
  if (!pulumi.runtime.isDryRun()) writeEnvFiles(envFiles, process.cwd());

  const outputs = {
    environment: spec.environment,
    ...(tenant && {
      domain: tenant.domain,
      issuer: tenant.issuer,
      jwksUrl: tenant.jwksUrl,
      managementApiAudience: tenant.managementApiAudience,
      apis: mapValues(tenant.apis, (api) => ({ identifier: api.identifier })),
      applications: mapValues(tenant.applications, (app) =>
        app.clientSecret === undefined ? { clientId: app.clientId } : { clientId: app.clientId, clientSecret: app.clientSecret },
      ),
      connections: mapValues(tenant.connections, (connection) => ({ id: connection.id, name: connection.name })),
      organizations: mapValues(tenant.organizations, (organization) => ({ id: organization.id, name: organization.name })),
      roles: mapValues(tenant.roles, (role) => ({ id: role.id, name: role.name })),
      // The webhook bearer secrets are secret outputs, for the receiving backend's env.
      logStreams: mapValues(tenant.logStreams, (stream) =>
        stream.bearerSecret === undefined ? { type: stream.type } : { type: stream.type, bearerSecret: stream.bearerSecret },
      ),
      ...(tenant.customDomain && {
        customDomain: {
          domain: tenant.customDomain.domain,
          usedForIssuer: spec.tenant.customDomain?.useForIssuer ?? false,
          status: tenant.customDomain.status,
          dnsRecords: tenant.customDomain.dnsRecords,
        },
      }),
    }),
    envFiles,
  };
  return { spec, outputs, maskedEnvFiles: maskedEnvFiles(spec, pulumi.getStack(), envFiles) };
}

function validated<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    throw error instanceof ConfigError ? new InvalidConfigError(error) : error;
  }
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

export = Object.assign(async () => (await run()).outputs, { run });
