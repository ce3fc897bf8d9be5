import type { ConfigIssue } from "../issues";
import type { TenantSpec } from "../spec";

const ROOT = "auth0kit:login";

/** Enterprise connections that route users by email domain (home-realm discovery). */
function discoveryConnections(spec: TenantSpec): string[] {
  return Object.values(spec.connections)
    .filter((connection) => connection.kind === "enterprise" && connection.domainAliases.length > 0)
    .map((connection) => connection.key);
}

/** Home-realm discovery reads the email before the password screen: it needs the identifier-first prompt. */
export function identifierFirstForDiscovery(spec: TenantSpec): ConfigIssue[] {
  const connections = discoveryConnections(spec);
  if (spec.login === undefined || spec.login.identifierFirst || connections.length === 0) return [];
  return [
    {
      path: `${ROOT}.identifierFirst`,
      message: `false turns home-realm discovery off: connections ${connections.join(", ")} route users by email domain (domainAliases) only after an identifier-first screen; set identifierFirst: true`,
    },
  ];
}

/** Biometrics first is a variant of identifier first, and users must be able to enroll a platform authenticator. */
export function webauthnFirstFactor(spec: TenantSpec): ConfigIssue[] {
  const login = spec.login;
  if (login === undefined || !login.webauthnPlatformFirstFactor) return [];
  const issues: ConfigIssue[] = [];
  if (!login.identifierFirst) {
    issues.push({ path: `${ROOT}.webauthnPlatformFirstFactor`, message: "biometrics first needs the identifier-first prompt; set identifierFirst: true" });
  }
  if (spec.mfa?.factors.webauthnPlatform !== true) {
    issues.push({ path: `${ROOT}.webauthnPlatformFirstFactor`, message: "needs the WebAuthn platform factor for enrollment; set auth0kit:mfa.factors.webauthnPlatform: true" });
  }
  return issues;
}

/** Texts in a language the tenant does not offer would never be shown. */
export function textLanguagesEnabled(spec: TenantSpec): ConfigIssue[] {
  const locales = spec.tenant.enabledLocales;
  if (spec.login === undefined || locales === undefined) return [];
  return Object.entries(spec.login.texts).flatMap(([prompt, languages]) =>
    Object.keys(languages ?? {})
      .filter((language) => !locales.includes(language))
      .map((language) => ({
        path: `${ROOT}.texts.${prompt}.${language}`,
        message: `${language} is not among the tenant's languages (${locales.join(", ")}); add it to auth0kit:tenant.enabledLocales or remove these texts`,
      })),
  );
}

/** Without the identifier-first prompt managed, home-realm discovery depends on a hand setting (warning). */
export function discoveryPromptUnmanaged(spec: TenantSpec): ConfigIssue[] {
  const connections = discoveryConnections(spec);
  if (spec.login !== undefined || connections.length === 0 || spec.environment === "local") return [];
  return [
    {
      path: ROOT,
      message: `not set, so the tenant's identifier-first setting is left as it is; connections ${connections.join(", ")} route users by email domain only with it on; set auth0kit:login.identifierFirst: true`,
    },
  ];
}
