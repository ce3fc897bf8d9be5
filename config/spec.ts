import type { ActionConfig, ActionSecretSource } from "./schema/actions";
import type { ApiConfig } from "./schema/apis";
import type { AttackProtectionSpec } from "./schema/attackProtection";
import type { LogStreamConfig } from "./schema/logStreams";
import type { MfaConfig } from "./schema/mfa";
import type { ApplicationConfig, ApplicationType } from "./schema/applications";
import type { GeneratedSecretConfig } from "./schema/generatedSecrets";
import type { ConnectionConfig } from "./schema/connections";
import type { OrganizationConfig } from "./schema/organizations";
import type { EmailConfig, EmailTemplateConfig, EmailTemplateName } from "./schema/email";
import type { LoginConfig } from "./schema/login";
import type { Override } from "./schema/overrides";
import type { RoleConfig } from "./schema/roles";
import type { RolloutConfig } from "./schema/rollout";
import type { Environment, TenantConfig } from "./schema/tenant";

/**
 * The validated, normalized description of one stack's tenant. Maps are sorted by key; lists keep
 * their config order so that problems can name their index, and components sort them.
 */
export interface TenantSpec {
  readonly environment: Environment;
  /** The canonical tenant domain (`auth0:domain`), e.g. `alphaswarm-dev.us.auth0.com`. */
  readonly domain: string;
  /**
   * Secret config keys (`auth0kit:<key>`) that some `{ secret: <key> }` reference names, sorted.
   * The spec never holds secret values: the program reads these as secret outputs.
   */
  readonly secretRefs: readonly string[];
  readonly tenant: TenantConfig;
  readonly apis: Readonly<Record<string, ApiSpec>>;
  readonly applications: Readonly<Record<string, ApplicationSpec>>;
  readonly generatedSecrets: Readonly<Record<string, GeneratedSecretConfig>>;
  readonly envFiles: Readonly<Record<string, EnvFileSpec>>;
  /** The directory every env file stays inside, relative to the project directory (`auth0kit:workspaceRoot`). */
  readonly workspaceRoot: string;
  readonly connections: Readonly<Record<string, ConnectionSpec>>;
  readonly organizations: Readonly<Record<string, OrganizationSpec>>;
  readonly logStreams: Readonly<Record<string, LogStreamSpec>>;
  /** The Guardian (MFA) settings; undefined when the stack leaves MFA as the tenant has it. */
  readonly mfa?: MfaConfig;
  /** Undefined when the stack manages no attack protection (dev without the key). */
  readonly attackProtection?: AttackProtectionSpec;
  readonly actions: Readonly<Record<string, ActionSpec>>;
  /** Roles by key, with their Auth0 names resolved (the key unless set). */
  readonly roles: Readonly<Record<string, RoleSpec>>;
  /** The email provider and templates; undefined when the stack leaves email as the tenant has it. */
  readonly email?: EmailSpec;
  /** Universal Login prompts, branding and texts; undefined when the stack leaves them as the tenant has them. */
  readonly login?: LoginConfig;
  /** The staged rollout settings env files render; undefined when the stack stages none. */
  readonly rollout?: RolloutConfig;
  /** Guardrail overrides in force (each covered a finding); printed by every plan. */
  readonly overrides: readonly Override[];
  /** Durations the stack file wrote as text (`48h`), by config path, so messages use the file's units. */
  readonly writtenDurations?: Readonly<Record<string, string>>;
}

export type LogStreamSpec = LogStreamConfig & { readonly key: string; readonly name: string };

export interface ApiSpec extends ApiConfig {
  readonly key: string;
  readonly name: string;
}

export interface ApplicationSpec extends Omit<ApplicationConfig, "grantTypes"> {
  readonly key: string;
  readonly name: string;
  readonly type: ApplicationType;
  /** In config order; the application type's defaults when the config lists none. */
  readonly grantTypes: readonly string[];
}

/**
 * A connection with its Auth0 name resolved (the map key unless set); a social connection's
 * scopes are its strategy's defaults when the config lists none.
 */
export type ConnectionSpec = ConnectionConfig & { readonly key: string; readonly name: string };

export interface EmailTemplateSpec extends Omit<EmailTemplateConfig, "body" | "from"> {
  readonly name: EmailTemplateName;
  /** The sender: the template's own, else auth0kit:email.from. */
  readonly from: string;
  /** The body file as the config names it, and its text exactly as read (what Auth0 stores). */
  readonly bodyFile: string;
  readonly body: string;
}

export interface EmailSpec extends Omit<EmailConfig, "templates"> {
  readonly templates: Readonly<Partial<Record<EmailTemplateName, EmailTemplateSpec>>>;
}

export type RoleSpec = RoleConfig & { readonly key: string; readonly name: string };

export type OrganizationSpec = OrganizationConfig & { readonly key: string; readonly name: string };
export interface ActionSpec extends Omit<ActionConfig, "secrets" | "tokenExchangeProfile"> {
  readonly key: string;
  readonly name: string;
  /** The source file's text, exactly as read: this is what Auth0 runs. */
  readonly code: string;
  /** By secret name, including the defaults the loader adds (FAIL_CLOSED, SUBJECT_TOKEN_TYPE). */
  readonly secrets: Readonly<Record<string, ActionSecretSource>>;
  readonly tokenExchangeProfile?: { readonly name: string; readonly subjectTokenType: string; readonly audiences?: readonly string[] };
}

/** The domain tokens are issued on: the custom domain once the stack switches the issuer to it. */
export function issuerDomain(spec: Pick<TenantSpec, "domain" | "tenant">): string {
  const custom = spec.tenant.customDomain;
  return custom?.useForIssuer ? custom.domain : spec.domain;
}

/** The entry a stack-file key names, only if the record holds it itself: a key such as "constructor" must not reach Object's members. */
export function entryOf<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Every environment that gets production-grade rules. */
export function isProductionLike(environment: Environment): boolean {
  return environment === "prod" || environment === "stage";
}

export type EnvValue =
  | { readonly literal: string }
  | { readonly secret: string }
  | import("./schema/envFiles").EnvRef;

export type EnvLine = { readonly comment: string } | { readonly name: string; readonly value: EnvValue };

export interface EnvFileSpec {
  readonly key: string;
  readonly kind: import("../env/lines").EnvFileKind;
  readonly path: string;
  /** In file order. */
  readonly lines: readonly EnvLine[];
}

/** Whether a value is secret: it must then stay a secret output and never reach a frontend file. */
export function isSecretValue(value: EnvValue): boolean {
  return "secret" in value || ("ref" in value && (value.ref === "clientSecret" || value.ref === "generatedSecret" || value.ref === "logStreamSecret"));
}
