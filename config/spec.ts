import type { ActionConfig, ActionSecretSource } from "./schema/actions";
import type { ApiConfig } from "./schema/apis";
import type { ApplicationConfig, ApplicationType } from "./schema/applications";
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
  readonly actions: Readonly<Record<string, ActionSpec>>;
}

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

export interface ActionSpec extends Omit<ActionConfig, "secrets" | "tokenExchangeProfile"> {
  readonly key: string;
  readonly name: string;
  /** The source file's text, exactly as read: this is what Auth0 runs. */
  readonly code: string;
  /** By secret name, including the defaults the loader adds (FAIL_CLOSED, SUBJECT_TOKEN_TYPE). */
  readonly secrets: Readonly<Record<string, ActionSecretSource>>;
  readonly tokenExchangeProfile?: { readonly name: string; readonly subjectTokenType: string };
}

/** Every environment that gets production-grade rules. */
export function isProductionLike(environment: Environment): boolean {
  return environment === "prod" || environment === "stage";
}
