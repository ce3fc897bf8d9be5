import { z } from "zod";
import { CONNECTION_DISPLAY_NAME_MAX } from "../bounds";
import { absoluteUrl, keyedMap, secretRef, boundedText } from "./common";

export const CONNECTION_KINDS = ["database", "social", "enterprise"] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/** Auth0's password strength levels (Auth0 docs, "Password Strength in Auth0 Database Connections"). */
export const PASSWORD_POLICIES = ["none", "low", "fair", "good", "excellent"] as const;
/** Auth0 keeps at most 24 previous passwords per user (Auth0 docs, "Password Options"). */
export const PASSWORD_HISTORY_MAX = 24;
/** The minimum password length may be set from 1 to 72 bytes (Auth0 docs, "Password Strength"). */
export const PASSWORD_MIN_LENGTH_MAX = 72;

export const SOCIAL_STRATEGIES = ["google-oauth2", "github"] as const;
export type SocialStrategy = (typeof SOCIAL_STRATEGIES)[number];

/**
 * What each social connection asks the provider for when the config lists nothing: the user's
 * email address and basic profile (the provider's own scope names, as Auth0's options spell them).
 */
export const SOCIAL_DEFAULT_SCOPES: Readonly<Record<SocialStrategy, readonly string[]>> = {
  "google-oauth2": ["email", "profile"],
  github: ["email", "read_user"],
};

export const ENTERPRISE_STRATEGIES = ["samlp", "oidc", "waad", "okta", "adfs", "pingfederate", "google-apps"] as const;
export type EnterpriseStrategy = (typeof ENTERPRISE_STRATEGIES)[number];

/** The SAML attribute most IdPs (ADFS, Entra ID) put group memberships in. */
export const DEFAULT_SAML_GROUPS_ATTRIBUTE = "http://schemas.xmlsoap.org/claims/Group";

/**
 * Auth0's rule for connection names (Management API, "Create a connection"): alphanumerics and
 * `-`, starting and ending with an alphanumeric, at most 128 characters.
 */
export const CONNECTION_NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,126}[A-Za-z0-9])?$/;

const HOST_PATTERN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const host = (example: string) => z.string().regex(HOST_PATTERN, { message: `write a domain name only, e.g. ${example}` });

const common = {
  /** The connection's Auth0 name, unique in the tenant and immutable. Defaults to the map key. */
  name: z.string().regex(CONNECTION_NAME_PATTERN, {
    message: "Auth0 connection names use letters, digits and -, start and end with a letter or digit, and have at most 128 characters",
  }).optional(),
  /** Name shown on the login page. Defaults to Auth0's. */
  displayName: boundedText(CONNECTION_DISPLAY_NAME_MAX).optional(),
  /** Keys of the applications this connection is enabled for. Defaults to none. */
  applications: z.array(z.string().min(1)).default([]),
};

export const databaseConnectionSchema = z.strictObject({
  kind: z.literal("database"),
  ...common,
  /** Password strength level. Defaults to good. */
  passwordPolicy: z.enum(PASSWORD_POLICIES).default("good"),
  /** How many previous passwords a user may not reuse; 0 turns the check off. Defaults to 5. */
  passwordHistory: z.number().int().min(0).max(PASSWORD_HISTORY_MAX, { message: `Auth0 keeps at most ${PASSWORD_HISTORY_MAX} previous passwords` }).default(5),
  /** Reject passwords from Auth0's dictionary of common passwords. Defaults to true. */
  passwordDictionary: z.boolean().default(true),
  /** Reject passwords that contain the user's name, username, nickname or email. Defaults to true. */
  passwordNoPersonalInfo: z.boolean().default(true),
  /** Minimum password length in bytes (1–72), on top of the policy's own minimum. Defaults to the policy's. */
  passwordMinLength: z.number().int().min(1).max(PASSWORD_MIN_LENGTH_MAX, { message: `Auth0 allows a minimum length of at most ${PASSWORD_MIN_LENGTH_MAX} bytes` }).optional(),
  /** Turn public sign-up off (invite-only onboarding). Defaults to false. */
  disableSignup: z.boolean().default(false),
  /** Ask for a username in addition to the email address. Defaults to false. */
  requiresUsername: z.boolean().default(false),
  /** Slow down repeated failed logins from one IP. Defaults to true. */
  bruteForceProtection: z.boolean().default(true),
});

export const socialConnectionSchema = z.strictObject({
  kind: z.literal("social"),
  ...common,
  strategy: z.enum(SOCIAL_STRATEGIES),
  /** The OAuth client ID from the provider's developer console (not a secret). */
  clientId: z.string().min(1).optional(),
  /** The OAuth client secret, as `{ secret: <key> }`. */
  clientSecret: secretRef.optional(),
  /** Scopes / attributes requested from the provider. Defaults per strategy (email and basic profile). */
  scopes: z.array(z.string().regex(/^[a-z][a-z_]*$/, { message: "scopes are Auth0's option names, e.g. email, profile, read_user" })).optional(),
});

export const enterpriseConnectionSchema = z.strictObject({
  kind: z.literal("enterprise"),
  ...common,
  strategy: z.enum(ENTERPRISE_STRATEGIES),
  /** Email domains that sign in through this connection (home-realm discovery). Defaults to none. */
  domainAliases: z.array(host("acme.com")).default([]),
  /** Pass the IdP's group claims through to the user profile for the group-sync Action. Defaults to true. */
  syncGroups: z.boolean().default(true),
  /** samlp: the IdP's single sign-on URL. */
  signInUrl: absoluteUrl.optional(),
  /** samlp: the IdP's single logout URL. */
  signOutUrl: absoluteUrl.optional(),
  /** samlp, pingfederate: the IdP's X.509 signing certificate (PEM, or its base64 body). */
  signingCert: z.string().min(1).optional(),
  /** samlp, pingfederate: the SAML attribute holding the user's groups. Defaults to http://schemas.xmlsoap.org/claims/Group. */
  groupsAttribute: z.string().min(1).optional(),
  /** oidc: the issuer URL. */
  issuer: absoluteUrl.optional(),
  /** oidc: the OpenID discovery document's URL. */
  discoveryUrl: absoluteUrl.optional(),
  /** waad: the Entra ID tenant's domain, e.g. acme.onmicrosoft.com. */
  tenantDomain: host("acme.onmicrosoft.com").optional(),
  /** okta: the Okta organization's domain, e.g. acme.okta.com; google-apps: the Google Workspace domain, e.g. acme.com. */
  domain: host("acme.okta.com").optional(),
  /** oidc, waad, okta, google-apps: the client ID of the application registered at the IdP. */
  clientId: z.string().min(1).optional(),
  /** oidc, waad, okta, google-apps: that application's client secret, as `{ secret: <key> }`. */
  clientSecret: secretRef.optional(),
  /** adfs: the ADFS federation metadata URL, e.g. https://adfs.acme.com/FederationMetadata/2007-06/FederationMetadata.xml. */
  metadataUrl: absoluteUrl.optional(),
  /** adfs: the federation metadata document itself, when Auth0 cannot reach the server. */
  metadataXml: z.string().trim().startsWith("<", { message: "paste the federation metadata XML document" }).optional(),
  /** pingfederate: the PingFederate server's base URL, e.g. https://sso.acme.com. */
  serverUrl: absoluteUrl.optional(),
});

export const connectionSchema = z.discriminatedUnion("kind", [databaseConnectionSchema, socialConnectionSchema, enterpriseConnectionSchema], {
  error: (issue) =>
    issue.code === "invalid_union" && "discriminator" in issue
      ? issue.input === undefined || (typeof issue.input === "object" && issue.input !== null && !("kind" in issue.input))
        ? `required; set one of ${CONNECTION_KINDS.join(", ")}`
        : `"${String((issue.input as { kind?: unknown }).kind ?? issue.input)}" is not a connection kind; use one of ${CONNECTION_KINDS.join(", ")}`
      : undefined,
});

export const connectionsSchema = keyedMap(connectionSchema).default({});

export type DatabaseConnectionConfig = z.output<typeof databaseConnectionSchema>;
export type SocialConnectionConfig = z.output<typeof socialConnectionSchema>;
export type EnterpriseConnectionConfig = z.output<typeof enterpriseConnectionSchema>;
export type ConnectionConfig = z.output<typeof connectionSchema>;
