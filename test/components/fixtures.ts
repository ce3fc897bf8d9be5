import { loadSpec } from "../../config/load";
import type { TenantSpec } from "../../config/spec";

/**
 * A small but complete tenant: one API, one app of each type; in stage and prod also the MFA
 * policy, log stream and email provider (its API key the secret sendgridApiKey) the production
 * guardrails require.
 */
export function tenantConfig(environment = "dev"): Record<string, unknown> {
  const productionReady =
    environment === "prod" || environment === "stage"
      ? {
          "auth0kit:mfa": { policy: "all-applications", factors: { otp: true, recoveryCodes: true } },
          "auth0kit:email": { provider: { sendgrid: { apiKey: { secret: "sendgridApiKey" } } }, from: "Example <no-reply@example.com>" },
          "auth0kit:logStreams": { audit: { type: "webhook", url: "https://logs.example.com/auth0" } },
        }
      : {};
  return {
    ...productionReady,
    "auth0:domain": "example-dev.us.auth0.com",
    "auth0kit:environment": environment,
    "auth0kit:tenant": { friendlyName: "Example", enabledLocales: ["fr", "en"], sessionLifetime: "7d", idleSessionLifetime: "72h" },
    "auth0kit:apis": {
      core: {
        identifier: "https://api.example.com/",
        allowOfflineAccess: true,
        permissions: { "write:things": "Change things", "read:things": "Read things", "admin:all": "Everything" },
      },
    },
    "auth0kit:applications": {
      web: {
        type: "spa",
        callbacks: ["https://app.example.com/cb", "https://app.example.com/a-cb"],
        idTokenLifetime: "10m",
        refreshToken: { rotation: true, absoluteLifetime: "24h", idleLifetime: "12h" },
        organizations: { usage: "require", requireBehavior: "pre-login-prompt" },
        grants: { core: { permissions: ["write:things", "read:things"] } },
      },
      cli: {
        type: "native",
        grantTypes: ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"],
        refreshToken: { rotation: true, absoluteLifetime: "30d", idleLifetime: "7d" },
        organizations: { usage: "allow" },
      },
      worker: {
        type: "m2m",
        grants: { core: { permissions: ["read:things"] } },
        managementApiScopes: ["update:users", "read:users"],
      },
    },
  };
}

/** Pulumi hands structured config to programs as JSON text. */
export function asStackConfig(config: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

export function specOf(config: Record<string, unknown>): TenantSpec {
  return loadSpec({ values: asStackConfig(config), secretKeys: new Set() });
}
