import { ConfigError, formatIssue, sortIssues } from "../../config/issues";
import { loadSpec, type StackConfig } from "../../config/load";
import type { TenantSpec } from "../../config/spec";

/**
 * A stack's configuration as the tests write it: full key → value. Structured values are plain
 * objects and arrays here; `stackConfig` turns them into the JSON text Pulumi hands a program.
 */
export type ConfigInput = Record<string, unknown>;

/** Twilio as the phone provider: literal SID and sender, the auth token from a secret config key. */
export const TWILIO = { sid: `AC${"0123456789abcdef".repeat(2)}`, authToken: { secret: "twilioAuthToken" }, from: "+15550100" };
export const TWILIO_SECRET = "auth0kit:twilioAuthToken";
/** Phone codes by SMS through Twilio; the stack must also set TWILIO_SECRET as a secret. */
export const SMS_FACTOR = { messageTypes: ["sms"], provider: { twilio: TWILIO } };

export const DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
export const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

/**
 * The smallest complete tenant: one API with three permissions, and one application of each
 * interactive type plus a machine-to-machine application holding a grant. Valid in every
 * environment (all URLs are https on real hosts), so a test changes only what it is about.
 */
export function baseConfig(): ConfigInput {
  return {
    "auth0:domain": "example-dev.us.auth0.com",
    "auth0kit:environment": "dev",
    "auth0kit:apis": {
      core: {
        identifier: "https://api.example.com/",
        permissions: {
          "read:things": "Read things",
          "write:things": "Change things",
          "admin:all": "Everything",
        },
      },
    },
    "auth0kit:applications": {
      spa: {
        type: "spa",
        callbacks: ["https://app.example.com/callback"],
        logoutUrls: ["https://app.example.com/"],
        webOrigins: ["https://app.example.com"],
      },
      native: {
        type: "native",
        callbacks: ["https://cli.example.com/callback"],
      },
      m2m: {
        type: "m2m",
        grants: { core: { permissions: ["read:things", "write:things"] } },
      },
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Deep-merges `overrides` into `base` without mutating either: maps merge key by key, arrays and
 * scalars replace, and `undefined` removes the key (e.g. `{ "auth0:domain": undefined }`).
 */
export function merge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = Object.prototype.hasOwnProperty.call(merged, key) ? merged[key] : undefined;
    if (value === undefined) delete merged[key];
    else if (isPlainObject(value) && isPlainObject(current)) merged[key] = merge(current, value);
    else merged[key] = value;
  }
  return merged;
}

/** The production-ready email provider's API key (a secret config key). */
export const EMAIL_SECRET = "auth0kit:sendgridApiKey";

/**
 * What the production guardrails ask of a stage or prod stack that the base does not have:
 * rotating refresh tokens for the public clients, MFA, a log stream and an email provider.
 */
export const PRODUCTION_READY: ConfigInput = {
  "auth0kit:applications": {
    spa: { refreshToken: { rotation: true, absoluteLifetime: "24h" } },
    native: { refreshToken: { rotation: true, absoluteLifetime: "30d" } },
  },
  "auth0kit:mfa": { policy: "all-applications", factors: { otp: true, recoveryCodes: true } },
  // Set as a secret by stackConfig whenever it is present.
  [EMAIL_SECRET]: "SG.example-api-key",
  "auth0kit:email": { provider: { sendgrid: { apiKey: { secret: "sendgridApiKey" } } }, from: "Example <no-reply@example.com>" },
  "auth0kit:logStreams": { audit: { type: "webhook", url: "https://logs.example.com/auth0" } },
};

/**
 * The base configuration with `overrides` deep-merged into it. A stage or prod config starts
 * from the base plus PRODUCTION_READY, so that only the guardrail a test is about can fire
 * (remove a part with `undefined`, e.g. `{ "auth0kit:mfa": undefined }`); a local config starts
 * from the base without its API and applications, which a local stack may not declare.
 */
export function configWith(overrides: ConfigInput = {}): ConfigInput {
  const environment = overrides["auth0kit:environment"];
  const base =
    environment === "prod" || environment === "stage"
      ? merge(baseConfig(), PRODUCTION_READY)
      : environment === "local"
        ? merge(baseConfig(), { "auth0kit:apis": undefined, "auth0kit:applications": undefined })
        : baseConfig();
  return merge(base, overrides);
}

export interface LoadOptions {
  /** Full keys set with `--secret`. */
  readonly secretKeys?: readonly string[];
  /** The process environment (AUTH0_* fallbacks). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Pulumi hands strings through as they are and structured values as JSON text. */
export function stackConfig(config: ConfigInput, secretKeys: readonly string[] = []): StackConfig {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined) continue;
    values[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return { values, secretKeys: new Set([...secretKeys, ...(EMAIL_SECRET in values ? [EMAIL_SECRET] : [])]) };
}

/** The validated spec of a configuration; throws its ConfigError when it is invalid. */
export function specOf(config: ConfigInput, options: LoadOptions = {}): TenantSpec {
  return loadSpec(stackConfig(config, options.secretKeys), options.env);
}

/** The ConfigError a configuration fails with; fails the test when it loads. */
export function configErrorOf(config: ConfigInput, options: LoadOptions = {}): ConfigError {
  try {
    specOf(config, options);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected the configuration to be rejected, but it loaded");
}

/**
 * Every problem of a configuration as `"path: message"` lines, sorted by path as the user sees
 * them; `[]` when the configuration is valid. Errors other than ConfigError propagate.
 */
export function issuesOf(config: ConfigInput, options: LoadOptions = {}): string[] {
  try {
    specOf(config, options);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return sortIssues(error.issues).map(formatIssue);
    throw error;
  }
}

/** The issue paths of a configuration, sorted; for checks whose message is covered elsewhere. */
export function issuePathsOf(config: ConfigInput, options: LoadOptions = {}): string[] {
  try {
    specOf(config, options);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return sortIssues(error.issues).map((issue) => issue.path);
    throw error;
  }
}
