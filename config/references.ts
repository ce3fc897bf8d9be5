import { configPath } from "./issues";
import type { ActionSecretSource } from "./schema/actions";
import type { EnvFileSpec, EnvValue, TenantSpec } from "./spec";

/**
 * Where a value is taken from, in the one internal form every consumer resolves and checks. The
 * stack file spells it two ways: an env variable as `{ ref: clientId, application: spa }`, an
 * Action secret as `{ clientId: spa }` (the stack-file keys stay as users write them).
 */
export type ValueSource = EnvValue;

/** An Action secret's source in the internal form. */
export function actionSecretSource(source: ActionSecretSource): ValueSource {
  if ("value" in source) return { literal: source.value };
  if ("secret" in source) return { secret: source.secret };
  if ("clientId" in source) return { ref: "clientId", application: source.clientId };
  if ("clientSecret" in source) return { ref: "clientSecret", application: source.clientSecret };
  if ("apiIdentifier" in source) return { ref: "apiIdentifier", api: source.apiIdentifier };
  if ("issuer" in source) return { ref: "issuer" };
  return { ref: "domain" };
}

/** One place in the stack file that takes a value from somewhere, with how the user spelled it. */
export type ValueSite =
  | { readonly spelling: "envFile"; readonly path: string; readonly source: ValueSource; readonly file: EnvFileSpec; readonly index: number; readonly name: string }
  | { readonly spelling: "actionSecret"; readonly path: string; readonly source: ValueSource };

/** Every env variable of the stack, in file order, at `auth0kit:envFiles.<file>.vars[<i>].<NAME>`. */
export function envVariableSites(spec: Pick<TenantSpec, "envFiles">): Extract<ValueSite, { spelling: "envFile" }>[] {
  return Object.values(spec.envFiles).flatMap((file) =>
    file.lines.flatMap((line, index) =>
      "name" in line
        ? [{ spelling: "envFile" as const, path: configPath("auth0kit:envFiles", file.key, "vars", index, line.name), source: line.value, file, index, name: line.name }]
        : [],
    ),
  );
}

/** Every Action secret of the stack, at `auth0kit:actions.<key>.secrets.<NAME>`. */
export function actionSecretSites(spec: Pick<TenantSpec, "actions">): Extract<ValueSite, { spelling: "actionSecret" }>[] {
  return Object.values(spec.actions).flatMap((action) =>
    Object.entries(action.secrets).map(([name, source]) => ({
      spelling: "actionSecret" as const,
      path: configPath("auth0kit:actions", action.key, "secrets", name),
      source: actionSecretSource(source),
    })),
  );
}

/** Every value in the stack that comes from a reference, whatever its spelling. */
export function valueSites(spec: Pick<TenantSpec, "envFiles" | "actions">): ValueSite[] {
  return [...envVariableSites(spec), ...actionSecretSites(spec)];
}

/** References to what only an Auth0 tenant has; a local stack provisions none. */
const TENANT_REFS: ReadonlySet<string> = new Set([
  "issuer",
  "domain",
  "customDomain",
  "jwksUrl",
  "managementApiAudience",
  "apiIdentifier",
  "clientId",
  "clientSecret",
  "organizationId",
  "roleId",
  "logStreamSecret",
]);

export function needsTenant(source: ValueSource): boolean {
  return "ref" in source && TENANT_REFS.has(source.ref);
}
