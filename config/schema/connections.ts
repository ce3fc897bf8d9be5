import { z } from "zod";
import { CONNECTION_DISPLAY_NAME_MAX } from "../bounds";
import { writtenAs } from "./writtenForms";
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
  name: z
    .string()
    .regex(CONNECTION_NAME_PATTERN, {
      message: "Auth0 connection names use letters, digits and -, start and end with a letter or digit, and have at most 128 characters",
    })
    .optional()
    .describe(
      "The connection's name in Auth0: letters, digits and -, starting and ending with a letter or digit, at most 128 characters; unique in the tenant (ignoring case). Auth0 cannot rename a connection: changing it replaces the connection. Defaults to the map key.",
    ),
  displayName: boundedText(CONNECTION_DISPLAY_NAME_MAX).optional().describe(`Name shown on the login page's button, up to ${CONNECTION_DISPLAY_NAME_MAX} characters. Defaults to Auth0's.`),
  applications: z
    .array(z.string().min(1))
    .default([])
    .describe("Keys of the applications the connection is enabled for (one ConnectionClients owns the set). Defaults to none."),
};

export const databaseConnectionSchema = z.strictObject({
  kind: z.literal("database").describe("database: users and passwords stored by Auth0 (strategy auth0)."),
  ...common,
  passwordPolicy: z
    .enum(PASSWORD_POLICIES)
    .default("good")
    .describe("Auth0's password strength level: none, low, fair, good or excellent. Defaults to good."),
  passwordHistory: z
    .number()
    .int()
    .min(0)
    .max(PASSWORD_HISTORY_MAX, { message: `Auth0 keeps at most ${PASSWORD_HISTORY_MAX} previous passwords` })
    .default(5)
    .describe(`How many previous passwords a user may not reuse; 0 turns the check off. Auth0 keeps at most ${PASSWORD_HISTORY_MAX}. Defaults to 5.`),
  passwordDictionary: z.boolean().default(true).describe("Reject passwords found in Auth0's dictionary of common passwords. Defaults to true."),
  passwordNoPersonalInfo: z
    .boolean()
    .default(true)
    .describe("Reject passwords that contain the user's name, username, nickname or email. Defaults to true."),
  passwordMinLength: z
    .number()
    .int()
    .min(1)
    .max(PASSWORD_MIN_LENGTH_MAX, { message: `Auth0 allows a minimum length of at most ${PASSWORD_MIN_LENGTH_MAX} bytes` })
    .optional()
    .describe(`Minimum password length in bytes, on top of the policy's own minimum; Auth0 allows 1 to ${PASSWORD_MIN_LENGTH_MAX}. Defaults to the policy's.`),
  disableSignup: z.boolean().default(false).describe("Turn public sign-up off (invite-only onboarding). Defaults to false."),
  requiresUsername: z.boolean().default(false).describe("Ask for a username as well as the email address. Defaults to false."),
  bruteForceProtection: z.boolean().default(true).describe("Throttle repeated failed logins for one user from one IP address. Defaults to true."),
});

export const socialConnectionSchema = z.strictObject({
  kind: z.literal("social").describe("social: a social identity provider such as Google or GitHub."),
  ...common,
  strategy: z.enum(SOCIAL_STRATEGIES).describe("The provider: google-oauth2 or github."),
  clientId: z
    .string()
    .min(1)
    .optional()
    .describe(
      "The OAuth client ID from the provider's developer console (not a secret); comes with clientSecret. Without both, Auth0 uses its own developer keys, which are for testing: allowed in dev, an error in stage and prod, and an error with a custom domain (tenant.customDomain) in any environment, where they do not work. Defaults to unset.",
    ),
  clientSecret: secretRef.optional().describe("The OAuth client secret, as { secret: <key> }; comes with clientId. Defaults to unset."),
  scopes: z
    .array(z.string().regex(/^[a-z][a-z_]*$/, { message: "scopes are Auth0's option names, e.g. email, profile, read_user" }))
    .optional()
    .describe(
      "Scopes / attributes requested from the provider, as Auth0's option names (email, profile, read_user, read_org, …). Defaults to the email address and basic profile: email, profile for google-oauth2; email, read_user for github.",
    ),
});

/**
 * The connection metadata key that marks a connection as organization-only; the post-login
 * Action (actions/post-login.js) reads it from event.connection.metadata.
 */
export const ORGANIZATION_REQUIRED_METADATA = "organization_required";

export const enterpriseConnectionSchema = z.strictObject({
  kind: z.literal("enterprise").describe("enterprise: a company's identity provider (SAML, OIDC, Microsoft Entra ID, Okta Workforce)."),
  ...common,
  strategy: z
    .enum(ENTERPRISE_STRATEGIES)
    .describe("The protocol or provider: samlp, oidc, waad (Microsoft Entra ID), okta (Okta Workforce), adfs, pingfederate or google-apps (Google Workspace)."),
  domainAliases: z
    .array(host("acme.com"))
    .default([])
    .describe("Email domains whose users sign in here (home-realm discovery); each domain belongs to one connection. Defaults to none."),
  syncGroups: z
    .boolean()
    .default(true)
    .describe("Pass the IdP's group claims through to the user profile, for the group-sync Action. Defaults to true."),
  requireOrganization: z
    .boolean()
    .default(false)
    .describe(
      "Sign-ins through this connection must be organization logins (\"require members to use this organization\"): the connection carries the metadata organization_required: \"true\" and a post-login Action that reads it denies a login through it without an organization. Needs an organization that enables the connection and a post-login Action whose code reads organization_required; stage and prod require it of an organization's enterprise connection that an application lets users sign in to without an organization (guardrail organization-only-connections). Defaults to false.",
    ),
  signInUrl: absoluteUrl.optional().describe("samlp only, required there: the IdP's single sign-on URL."),
  signOutUrl: absoluteUrl.optional().describe("samlp only: the IdP's single logout URL. Defaults to unset."),
  signingCert: z
    .string()
    .min(1)
    .optional()
    .describe("samlp and pingfederate, required there: the IdP's X.509 signing certificate (PEM, or its base64 body)."),
  groupsAttribute: z
    .string()
    .min(1)
    .optional()
    .describe(`samlp and pingfederate: the SAML attribute holding the user's groups. Defaults to ${DEFAULT_SAML_GROUPS_ATTRIBUTE}.`),
  issuer: absoluteUrl.optional().describe("oidc only: the issuer URL; oidc needs this or discoveryUrl."),
  discoveryUrl: absoluteUrl.optional().describe("oidc only: the OpenID discovery document's URL; oidc needs this or issuer."),
  tenantDomain: host("acme.onmicrosoft.com").optional().describe("waad only, required there: the Entra ID tenant's domain, e.g. acme.onmicrosoft.com."),
  domain: host("acme.okta.com")
    .optional()
    .describe("okta and google-apps, required there: the Okta organization's domain (e.g. acme.okta.com) or the Google Workspace domain (e.g. acme.com)."),
  clientId: z.string().min(1).optional().describe("oidc, waad, okta and google-apps, required there: the client ID of the application registered at the IdP."),
  clientSecret: secretRef.optional().describe("oidc, waad, okta and google-apps, required there: that application's client secret, as { secret: <key> }."),
  metadataUrl: absoluteUrl
    .optional()
    .describe("adfs only, this or metadataXml: the ADFS federation metadata URL, e.g. https://adfs.acme.com/FederationMetadata/2007-06/FederationMetadata.xml."),
  metadataXml: writtenAs(z.string().trim().startsWith("<", { message: "paste the federation metadata XML document" }), z.string().regex(/^\s*</))
    .optional()
    .describe("adfs only, this or metadataUrl: the federation metadata XML document itself, when Auth0 cannot reach the ADFS server."),
  serverUrl: absoluteUrl.optional().describe("pingfederate only, required there: the PingFederate server's base URL, e.g. https://sso.acme.com."),
});

export const connectionSchema = z.discriminatedUnion("kind", [databaseConnectionSchema, socialConnectionSchema, enterpriseConnectionSchema], {
  error: (issue) =>
    issue.code === "invalid_union" && "discriminator" in issue
      ? issue.input === undefined || (typeof issue.input === "object" && issue.input !== null && !("kind" in issue.input))
        ? `required; set one of ${CONNECTION_KINDS.join(", ")}`
        : `"${String((issue.input as { kind?: unknown }).kind ?? issue.input)}" is not a connection kind; use one of ${CONNECTION_KINDS.join(", ")}`
      : undefined,
});

export const connectionsSchema = keyedMap(connectionSchema)
  .default({})
  .describe("How users sign in, by key: database, social and enterprise connections, and the applications each is enabled for.");

export type DatabaseConnectionConfig = z.output<typeof databaseConnectionSchema>;
export type SocialConnectionConfig = z.output<typeof socialConnectionSchema>;
export type EnterpriseConnectionConfig = z.output<typeof enterpriseConnectionSchema>;
export type ConnectionConfig = z.output<typeof connectionSchema>;
