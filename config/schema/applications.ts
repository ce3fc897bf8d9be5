import { z } from "zod";
import { APPLICATION_DESCRIPTION_MAX, URL_LIST_MAX } from "../bounds";
import { echo } from "../issues";
import { MANAGEMENT_API_SCOPES } from "../managementApiScopes";
import { didYouMean } from "../suggest";
import { absoluteUrl, atMost, displayName, duration, keyedMap } from "./common";
import { PERMISSION_PATTERN } from "./apis";

export const APPLICATION_TYPES = ["spa", "native", "m2m", "regular_web"] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export const GRANT_TYPES = {
  authorizationCode: "authorization_code",
  implicit: "implicit",
  refreshToken: "refresh_token",
  clientCredentials: "client_credentials",
  password: "password",
  passwordRealm: "http://auth0.com/oauth/grant-type/password-realm",
  deviceCode: "urn:ietf:params:oauth:grant-type:device_code",
  tokenExchange: "urn:ietf:params:oauth:grant-type:token-exchange",
  mfaOtp: "http://auth0.com/oauth/grant-type/mfa-otp",
  mfaOob: "http://auth0.com/oauth/grant-type/mfa-oob",
  mfaRecoveryCode: "http://auth0.com/oauth/grant-type/mfa-recovery-code",
  passwordlessOtp: "http://auth0.com/oauth/grant-type/passwordless/otp",
} as const;

export const ORGANIZATION_USAGES = ["deny", "allow", "require"] as const;
export const ORGANIZATION_REQUIRE_BEHAVIORS = ["no-prompt", "pre-login-prompt", "post-login-prompt"] as const;

const urlList = z.array(absoluteUrl).default([]);
/** Logout URLs and web origins: Auth0 takes at most URL_LIST_MAX of each. */
const boundedUrlList = z.array(absoluteUrl).max(URL_LIST_MAX, { message: `Auth0 accepts at most ${URL_LIST_MAX} URLs here; remove some` }).default([]);

const refreshTokenSchema = z.strictObject({
  /** Issue a new refresh token on every exchange and detect reuse. Defaults to true. */
  rotation: z.boolean().default(true),
  /** Absolute lifetime; omit for a non-expiring token (not allowed with rotation). */
  absoluteLifetime: duration.optional(),
  /** Inactivity lifetime; may not exceed the absolute lifetime. */
  idleLifetime: duration.optional(),
  /** Seconds a rotated token may still be reused. Defaults to 0. */
  leeway: z.number().int().min(0).default(0),
});

/** One of the Management API's own scopes (config/managementApiScopes.ts); a misspelt one would be granted as written. */
const managementApiScope = z.string().refine((scope) => MANAGEMENT_API_SCOPES.has(scope), {
  error: (issue) => {
    const scope = String(issue.input);
    return `${echo(scope)} is not an Auth0 Management API scope; ${didYouMean(scope, MANAGEMENT_API_SCOPES) ?? "they look like read:users, update:users or delete:sessions"}`;
  },
});

const grantSchema = z.strictObject({
  /** Permissions of that API granted to this application. */
  permissions: z.array(z.string().regex(PERMISSION_PATTERN, { message: "use verb:resource with no spaces" })).default([]),
  /** `client` for client-credentials tokens, `user` for tokens issued to users of this app. */
  subjectType: z.enum(["client", "user"]).optional(),
});

export const applicationSchema = z.strictObject({
  /** Display name. Defaults to the map key. */
  name: displayName().optional(),
  type: z.enum(APPLICATION_TYPES),
  description: z.string().refine(...atMost(APPLICATION_DESCRIPTION_MAX)).optional(),
  /** Allowed callback URLs. */
  callbacks: urlList,
  /** Allowed logout URLs. */
  logoutUrls: boundedUrlList,
  /** Allowed web origins (silent auth, web message). */
  webOrigins: boundedUrlList,
  /** Allowed origins for CORS. */
  allowedOrigins: urlList,
  /** OAuth grant types; defaults depend on the application type. */
  grantTypes: z.array(z.string().min(1)).optional(),
  /** ID-token lifetime. Defaults to 36000 (Auth0's default). */
  idTokenLifetime: duration.optional(),
  refreshToken: refreshTokenSchema.optional(),
  organizations: z
    .strictObject({
      usage: z.enum(ORGANIZATION_USAGES).default("deny"),
      requireBehavior: z.enum(ORGANIZATION_REQUIRE_BEHAVIORS).optional(),
    })
    .optional(),
  /** Grants to this tenant's APIs, by API key. */
  grants: keyedMap(grantSchema).default({}),
  /** Auth0 Management API scopes (machine-to-machine applications only). */
  managementApiScopes: z.array(managementApiScope).default([]),
  /** Custom token exchange profile types this client may use. */
  tokenExchangeProfileTypes: z.array(z.enum(["custom_authentication", "on_behalf_of_token_exchange"])).optional(),
  /** First-party applications skip consent when the API allows it. Defaults to true. */
  firstParty: z.boolean().default(true),
});

export const applicationsSchema = keyedMap(applicationSchema).default({});

export type ApplicationConfig = z.output<typeof applicationSchema>;
export type RefreshTokenConfig = z.output<typeof refreshTokenSchema>;
