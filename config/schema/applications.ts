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

const urlList = (what: string) => z.array(absoluteUrl).default([]).describe(`${what}: absolute URLs; not on m2m applications. Defaults to none.`);
/** Logout URLs and web origins: Auth0 takes at most URL_LIST_MAX of each. */
const boundedUrlList = (what: string) =>
  z
    .array(absoluteUrl)
    .max(URL_LIST_MAX, { message: `Auth0 accepts at most ${URL_LIST_MAX} URLs here; remove some` })
    .default([])
    .describe(`${what}: absolute URLs, at most ${URL_LIST_MAX}; not on m2m applications. Defaults to none.`);

const refreshTokenSchema = z
  .strictObject({
    rotation: z
      .boolean()
      .default(true)
      .describe("Issue a new refresh token on every exchange and revoke the family when an old one is reused (rotation); needs absoluteLifetime. Defaults to true."),
    absoluteLifetime: duration
      .optional()
      .describe("Absolute refresh-token lifetime; omit for a non-expiring token (not allowed with rotation). Auth0 allows at most 5 years (1825d)."),
    idleLifetime: duration.optional().describe("Refresh-token inactivity lifetime; at most absoluteLifetime and 5 years. Defaults to none (no inactivity expiry)."),
    leeway: z.number().int().min(0).default(0).describe("Seconds a rotated refresh token may still be exchanged (for concurrent requests). Defaults to 0."),
  })
  .describe("Refresh-token rotation and lifetimes. Defaults to unset: Auth0 keeps the application's own refresh-token settings.");

/** One of the Management API's own scopes (config/managementApiScopes.ts); a misspelt one would be granted as written. */
const managementApiScope = z.string().refine((scope) => MANAGEMENT_API_SCOPES.has(scope), {
  error: (issue) => {
    const scope = String(issue.input);
    return `${echo(scope)} is not an Auth0 Management API scope; ${didYouMean(scope, MANAGEMENT_API_SCOPES) ?? "they look like read:users, update:users or delete:sessions"}`;
  },
});

const grantSchema = z
  .strictObject({
    permissions: z
      .array(z.string().regex(PERMISSION_PATTERN, { message: "use verb:resource with no spaces" }))
      .default([])
      .describe("Permissions of that API granted to this application; each must be defined on the API. Defaults to none."),
    subjectType: z
      .enum(["client", "user"])
      .optional()
      .describe("client for client-credentials tokens, user for tokens issued to the application's users. Defaults to client for m2m applications, user otherwise."),
  })
  .describe("A grant of one API's permissions, keyed by the API's key; the API must be defined in this stack.");

export const applicationSchema = z
  .strictObject({
    name: displayName().optional().describe("The application's name in Auth0 (shown on the login page). Defaults to the map key."),
    type: z.enum(APPLICATION_TYPES).describe("Application type: spa, native, m2m (machine-to-machine) or regular_web; it decides which grant types are allowed."),
    description: z
      .string()
      .refine(...atMost(APPLICATION_DESCRIPTION_MAX))
      .optional()
      .describe(`Free-text description; Auth0 allows at most ${APPLICATION_DESCRIPTION_MAX} characters. Defaults to unset.`),
    callbacks: urlList("Allowed callback URLs, where Auth0 may redirect after login"),
    logoutUrls: boundedUrlList("Allowed logout URLs, where Auth0 may redirect after logout"),
    webOrigins: boundedUrlList("Allowed web origins, for silent authentication and web_message responses"),
    allowedOrigins: urlList("Allowed origins for cross-origin requests (CORS)"),
    grantTypes: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "OAuth grant types the application may use; each must suit its type (docs/configuration.md lists them). Defaults to authorization_code and refresh_token for spa, native and regular_web, client_credentials for m2m.",
      ),
    idTokenLifetime: duration.optional().describe("ID-token lifetime; not on m2m applications. Defaults to Auth0's 36000 (10h)."),
    refreshToken: refreshTokenSchema.optional(),
    organizations: z
      .strictObject({
        usage: z
          .enum(ORGANIZATION_USAGES)
          .default("deny")
          .describe("Whether users log in through an organization: deny, allow or require; applications with the device-code grant cannot require. Defaults to deny."),
        requireBehavior: z
          .enum(ORGANIZATION_REQUIRE_BEHAVIORS)
          .optional()
          .describe("With usage require, how the organization is chosen: no-prompt, pre-login-prompt or post-login-prompt. Defaults to unset (Auth0's no-prompt)."),
      })
      .optional()
      .describe("Organization (B2B) login for this application. Defaults to Auth0's: organizations not used."),
    grants: keyedMap(grantSchema).default({}).describe("Grants of this tenant's APIs' permissions, by API key. Defaults to none."),
    managementApiScopes: z
      .array(managementApiScope)
      .default([])
      .describe("Auth0 Management API scopes granted to the application, each one of the Management API's own (e.g. read:users; a misspelt one gets did you mean); only for applications with client_credentials. Defaults to none."),
    tokenExchangeProfileTypes: z
      .array(z.enum(["custom_authentication", "on_behalf_of_token_exchange"]))
      .optional()
      .describe(
        "Token-exchange profile types the application may use: custom_authentication (custom token exchange Actions), on_behalf_of_token_exchange; both need the token-exchange grant. Defaults to none.",
      ),
    firstParty: z.boolean().default(true).describe("A first-party application (yours), which skips consent when the API allows it. Defaults to true."),
  })
  .describe("One application (Auth0 client).");

export const applicationsSchema = keyedMap(applicationSchema)
  .default({})
  .describe("The tenant's applications (Auth0 clients), by key: type, URLs, grant types, lifetimes, organizations and grants to APIs.");

export type ApplicationConfig = z.output<typeof applicationSchema>;
export type RefreshTokenConfig = z.output<typeof refreshTokenSchema>;
