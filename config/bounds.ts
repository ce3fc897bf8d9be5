/**
 * Auth0's documented bounds, in the units the Management API uses. The provider checks none of
 * them at plan time (its schema has no ranges), so a value outside them would only fail during
 * `pulumi up`, halfway through a change; validation catches it first.
 */

/** API access tokens: "Default value is 86,400 seconds (24 hours). Maximum value is 2,592,000
 *  seconds (30 days)." https://auth0.com/docs/secure/tokens/access-tokens/update-access-token-lifetime */
export const API_TOKEN_LIFETIME_MAX = 2_592_000;

/** Refresh tokens: the Management API's client schema caps `refresh_token.token_lifetime` at
 *  157,788,000 seconds (5 years); the idle lifetime nests inside it.
 *  https://auth0.com/docs/api/management/v2/clients/post-clients (ClientRefreshTokenConfiguration) */
export const REFRESH_TOKEN_LIFETIME_MAX = 157_788_000;

/** Tenant sessions, in hours (the unit of `session_lifetime` / `idle_session_lifetime`).
 *  "Require log in after … 30 days for Essential or Professional or 365 days for enterprise plans";
 *  "Inactivity timeout … 3 days for Essential or Professional or 100 days for enterprise plans".
 *  Longer values are silently superseded by these limits, so the widest (Enterprise) are errors
 *  here. https://auth0.com/docs/manage-users/sessions/configure-session-lifetime-settings */
export const SESSION_LIFETIME_MAX_HOURS = 8_760;
export const IDLE_SESSION_LIFETIME_MAX_HOURS = 2_400;

/** auth0kit's own cap on any one text in a stack file, where Auth0 documents none for the field:
 *  far above every real value (a PEM certificate is about 2,000 characters), far below what would
 *  make a plan, a log line or an error message unreadable. Not an Auth0 limit. */
export const STRING_MAX = 8_192;

/*
 * Lengths of the texts auth0kit sends to Auth0, from the Management API's request schemas
 * (https://auth0.com/docs/api/management/v2 — the `maxLength` of each field's JSON schema) and
 * the Dashboard's application settings page. Auth0 answers a longer value with a 400 halfway
 * through `pulumi up`; validation refuses it first.
 */

/** Client `description`: "Free text description of this client (max length: 140 characters)."
 *  POST /api/v2/clients; https://auth0.com/docs/get-started/applications/application-settings */
export const APPLICATION_DESCRIPTION_MAX = 140;

/** Resource server `name`: maxLength 200, and `identifier`: maxLength 600. POST /api/v2/resource-servers */
export const API_NAME_MAX = 200;
export const API_IDENTIFIER_MAX = 600;

/** A resource server scope's `value`: maxLength 280, its `description`: maxLength 500.
 *  ResourceServerScope in POST /api/v2/resource-servers */
export const PERMISSION_NAME_MAX = 280;
export const PERMISSION_DESCRIPTION_MAX = 500;

/** Organization `display_name`: 1–255 characters. POST /api/v2/organizations */
export const ORGANIZATION_DISPLAY_NAME_MAX = 255;

/** Connection `display_name`: at most 128 characters. POST /api/v2/connections */
export const CONNECTION_DISPLAY_NAME_MAX = 128;

/** Token exchange profile `name`: "Required string length: 3 - 50". POST /api/v2/token-exchange-profiles */
export const TOKEN_EXCHANGE_PROFILE_NAME_MIN = 3;
export const TOKEN_EXCHANGE_PROFILE_NAME_MAX = 50;

/** "You can provide up to 100 URLs in the Allowed Logout URLs field" (and the same for Allowed Web
 *  Origins). https://auth0.com/docs/get-started/applications/application-settings */
export const URL_LIST_MAX = 100;
